/**
 * How the web bridge's Chromium (the PDF printer, and the tests' and bench's browser standing for
 * Electron's window) is started. Chromium reads only the last `--disable-features`, so this one
 * repeats the features Playwright itself disables (its chromiumSwitches.ts; a test keeps the two
 * in step) and adds the address bar's popup, a web page of Chromium's own that every new window
 * builds: hundreds of milliseconds of processor that Electron's window never spends.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

export const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];
