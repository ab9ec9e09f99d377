/**
 * The e2e suite's `test` and `expect`. Every spec imports them from here (not from
 * '@playwright/test') so suite-wide checks apply to every page. (Skeleton: the same-origin and
 * CSP checks are added by the hosting task.)
 */
export { test, expect } from '@playwright/test';
export type { CDPSession, Locator, Page } from '@playwright/test';
