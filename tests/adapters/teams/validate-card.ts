import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

/**
 * Parses `card` with the `adaptivecards` package (Microsoft's reference object model) and returns
 * every parse and validation problem it reports, so a malformed card fails a test.
 */
export function validateAdaptiveCard(card: unknown): string[] {
  const ac = loadAdaptiveCards();
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  const parsed = new ac.AdaptiveCard();
  parsed.parse(JSON.parse(JSON.stringify(card)), context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  const validation = parsed.validateProperties();
  for (let i = 0; i < validation.validationEvents.length; i++) {
    const event = validation.validationEvents[i];
    if (event) problems.push(`validate: ${event.message}`);
  }
  if (parsed.version?.toString() !== '1.5') problems.push(`version: ${parsed.version?.toString()}`);
  return problems;
}

type AdaptiveCardsModule = typeof import('adaptivecards');
let cached: AdaptiveCardsModule | undefined;

/** The package's `lib` is ESM with extensionless imports Node cannot load; its UMD bundle needs a DOM. */
function loadAdaptiveCards(): AdaptiveCardsModule {
  if (cached) return cached;
  const globals = globalThis as Record<string, unknown>;
  if (globals.document === undefined) {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    globals.window = dom.window;
    globals.document = dom.window.document;
  }
  cached = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  return cached;
}
