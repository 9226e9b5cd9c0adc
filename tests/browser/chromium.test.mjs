// Hat Tip in real Chromium (Debian's /usr/bin/chromium), driven by playwright-core.
import { siteSuite } from './suite.mjs';
import { robustSuite } from './robust.mjs';
import { launchChromium } from '../support/browsers.mjs';

siteSuite('Chromium', launchChromium);
robustSuite('Chromium', launchChromium);
