import type { Browser, PuppeteerNode } from 'puppeteer-core';
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function launchChromium(puppeteer: PuppeteerNode): Promise<Browser>;
