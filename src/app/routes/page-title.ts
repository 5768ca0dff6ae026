const PRODUCT_NAME = 'Device Defender profile editor';

/** The browser tab title of a page: "<page> · Device Defender profile editor". */
export function pageTitle(page: string): string {
  return `${page} · ${PRODUCT_NAME}`;
}
