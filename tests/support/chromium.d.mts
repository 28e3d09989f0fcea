import type { Browser, PuppeteerNode } from 'puppeteer-core';
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function launchChromium(puppeteer: PuppeteerNode): Promise<Browser>;
export declare const FIREFOX_PATH: string;
export declare function launchFirefox(puppeteer: PuppeteerNode): Promise<Browser>;
