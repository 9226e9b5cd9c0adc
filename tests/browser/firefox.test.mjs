// Hat Tip in real Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
import { siteSuite } from './suite.mjs';
import { robustSuite } from './robust.mjs';
import { pagesSuite } from './pages.mjs';
import { logSuite } from './log.mjs';
import { a11ySuite } from './a11y.mjs';
import { i18nSuite } from './i18n.mjs';
import { launchFirefox } from '../support/browsers.mjs';

siteSuite('Firefox', launchFirefox);
robustSuite('Firefox', launchFirefox);
pagesSuite('Firefox', launchFirefox);
logSuite('Firefox', launchFirefox);
a11ySuite('Firefox', launchFirefox);
i18nSuite('Firefox', launchFirefox);
