// Typing for the browser suites that holds in every engine.
import { sendKeys } from '@web/test-runner-commands';

/**
 * Types `text` one key per command. WebKitWebDriver types a key repeated within one command only
 * once ('K7MM' arrives as 'K7M'), so a random receipt code with a doubled character would make a
 * test fail in WebKit now and then.
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({ type: key });
}
