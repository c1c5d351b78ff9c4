package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protects model-spec parsing parity with Polpo's {@code parseModelSpec}: a spec polpo-check
 * accepts must be one Polpo accepts, split the same way (tables of polpo-semantics.md §7.1, §7.2).
 */
class ModelSpecTest {

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // §7.1 table
        "anthropic:claude-sonnet-4-5 | anthropic | claude-sonnet-4-5 | COLON",
        "ollama:qwen2.5-coder:7b | ollama | qwen2.5-coder:7b | COLON",
        "openrouter/anthropic/claude-x | openrouter | anthropic/claude-x | SLASH",
        "anthropic/claude:x | anthropic | claude:x | SLASH",
        "Claude-Opus-4-6 | anthropic | Claude-Opus-4-6 | INFERRED",
        // provider part not validated; empty model part parses
        "foo:bar | foo | bar | COLON",
        "'anthropic:' | anthropic | '' | COLON",
      })
  void parse_polpoTable_splitsLikePolpo(String spec, String provider, String model, String form) {
    ModelSpec parsed = ModelSpec.parse(spec).orElseThrow();
    assertEquals(new ModelSpec(provider, model, ModelSpec.Form.valueOf(form)), parsed);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "claude-x, anthropic",
    "gpt-4o, openai",
    "o1-mini, openai",
    "o3-mini, openai",
    "o4-mini, openai",
    "chatgpt-4o-latest, openai",
    "codex-mini-latest, openai",
    "gemini-2.5-pro, google",
    "mistral-large-latest, mistral",
    "codestral-latest, mistral",
    "devstral-small, mistral",
    "llama-3.3-70b-versatile, groq",
    "llama3-70b-8192, groq",
    "grok-4, xai",
    // table order: gpt- matches before the dropped gpt-oss- could
    "gpt-oss-120b, openai",
    "GROK-4, xai",
  })
  void parse_activePrefix_infersProviderKeepingCase(String spec, String provider) {
    ModelSpec parsed = ModelSpec.parse(spec).orElseThrow();
    assertEquals(provider, parsed.provider());
    assertEquals(spec, parsed.model());
    assertEquals(ModelSpec.Form.INFERRED, parsed.form());
  }

  @Test
  void prefixes_tableHasPolpos14Rows() {
    // model-spec.ts PREFIX_MAP: 1 anthropic + 6 openai + 1 google + 3 mistral + 2 groq + 1 xai
    assertEquals(14, ModelSpec.PREFIXES.size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "o3",
        "o1",
        "gpt4",
        "deepseek-chat",
        "glm-4.6",
        ":claude-x",
        "",
        "/claude-x",
        // a backslash in the provider part defeats both the colon and the slash rule
        "a\\b:c",
        "a\\b/c:d"
      })
  void parse_uninferableSpec_isEmpty(String spec) {
    assertEquals(Optional.empty(), ModelSpec.parse(spec));
  }

  @Test
  void parse_null_isEmpty() {
    assertEquals(Optional.empty(), ModelSpec.parse(null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "deepseek-chat, openrouter",
    "DeepSeek-Reasoner, openrouter",
    "glm-4.6, zai",
    "minimax-m2, minimax",
    "kimi-k2, kimi-coding",
    "amazon.nova-pro-v1:0, amazon-bedrock",
    "us.anthropic.claude-x, amazon-bedrock",
    "eu.anthropic.claude-x, amazon-bedrock",
    "big-pickle, opencode",
  })
  void droppedPrefix_documentedButRemoved_isRecognised(String spec, String provider) {
    assertEquals(provider, ModelSpec.droppedPrefix(spec).orElseThrow().provider());
  }

  @Test
  void droppedPrefix_activeOrUnknownSpec_isEmpty() {
    assertTrue(ModelSpec.droppedPrefix("claude-x").isEmpty());
    assertTrue(ModelSpec.droppedPrefix("o3").isEmpty());
  }

  @Test
  void canonical_slashForm_isColonForm() {
    assertEquals(
        "anthropic:claude-x", ModelSpec.parse("anthropic/claude-x").orElseThrow().canonical());
  }
}
