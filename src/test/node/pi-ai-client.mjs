// Drives Polpo's own LLM client, pi-ai 0.62.0 (and the @anthropic-ai/sdk it bundles), against a
// base URL, as Polpo 0.3.x does with "providers": {"anthropic": {"baseUrl": ...}}.
// Usage: node pi-ai-client.mjs BASE_URL MODE   (MODE: stream | complete | sdk-json)
// The credential comes from the environment (POLPO_TEST_KEY) so it never sits on a command line.
// Prints one JSON line with what the client received.
import { getModel, stream, complete } from "@mariozechner/pi-ai";
import Anthropic from "@anthropic-ai/sdk";

const [baseUrl, mode] = process.argv.slice(2);
const apiKey = process.env.POLPO_TEST_KEY;
const model = { ...getModel("anthropic", "claude-sonnet-4-5-20250929"), baseUrl };
const context = {
  systemPrompt: "You are coder, the team's coding agent.",
  messages: [{ role: "user", content: "Fix the bug in parser.c", timestamp: Date.now() }],
};

if (mode === "sdk-json") {
  // Non-streaming Messages call through the SDK pi-ai ships with (pi-ai itself always streams).
  const client = new Anthropic({ apiKey, baseURL: baseUrl, maxRetries: 0 });
  const msg = await client.messages.create({
    model: model.id,
    max_tokens: 1024,
    system: context.systemPrompt,
    messages: [{ role: "user", content: "Fix the bug in parser.c" }],
  });
  console.log(JSON.stringify({ id: msg.id, text: msg.content[0].text, usage: msg.usage }));
} else if (mode === "stream") {
  const s = stream(model, context, { apiKey });
  const types = [];
  for await (const ev of s) {
    types.push(ev.type);
  }
  const msg = await s.result();
  console.log(JSON.stringify({
    events: types,
    text: msg.content.filter((b) => b.type === "text").map((b) => b.text).join(""),
    usage: msg.usage,
    stopReason: msg.stopReason,
    responseId: msg.responseId,
  }));
} else {
  const msg = await complete(model, context, { apiKey });
  console.log(JSON.stringify({
    text: msg.content.filter((b) => b.type === "text").map((b) => b.text).join(""),
    usage: msg.usage,
    stopReason: msg.stopReason,
    errorMessage: msg.errorMessage,
  }));
}
