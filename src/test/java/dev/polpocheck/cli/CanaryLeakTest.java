package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.polpocheck.redact.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protects README's promise that no secret is ever printed, on any path: realistic credential
 * canaries (Anthropic API key and OAuth token, OpenAI project key, GitHub token, AWS access key id,
 * Slack bot token) and a resolved {@code ${VAR}} value that has no credential shape are planted in
 * every kind of input — config values and keys, agent names, reportsTo, team names, model-allowlist
 * and provider keys, auth-profile ids and tokens, env files, {@code --env}, every other flag, file
 * and folder paths, trace fields of every trace format (native, Claude Code, mini-swe-agent, OTLP,
 * Codex rollouts), scenario profile ids and organisations, {@code --compare} remap targets, {@code
 * record}'s flags and output path — and every command is run in every format, with {@code --output}
 * files and {@code --report} directories. (What {@code record} writes while it runs — trace lines,
 * key file, log — is canary-tested in {@code dev.polpocheck.record}.) Standard output, standard error and every file written are searched for
 * any 8-character run of a canary's secret part (the part after the public prefix, which is all a
 * masked form may keep); one hit fails the run.
 *
 * <p>Each canary's secret part is random (fixed seed), so an 8-character run of it cannot occur in
 * honest output by chance. Cases marked with an expected masked form also check that the canary
 * did reach the output, masked: a test whose input never got printed would prove nothing.
 */
class CanaryLeakTest {

  /** A planted credential: the public prefix a masked form may keep, and the secret rest. */
  record Canary(String kind, String prefix, String secret) {
    String value() {
      return prefix + secret;
    }
  }

  private static final Random RANDOM = new Random(20261204L);
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String DIGITS = "0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  // Shapes from the providers' documented formats: Anthropic keys are sk-ant-api03- + 95 token
  // characters, OAuth access tokens sk-ant-oat01- + the same; OpenAI project keys sk-proj- + ~150;
  // GitHub classic tokens ghp_ + 36; AWS access key ids AKIA + 16 upper-case/digits; Slack bot
  // tokens xoxb-<team id>-<bot id>-<24 characters>.
  static final Canary ANTHROPIC = new Canary("anthropic", "sk-ant-api03-", random(ALNUM, 93) + "AA");
  static final Canary OAUTH = new Canary("oauth", "sk-ant-oat01-", random(ALNUM, 93) + "AA");
  static final Canary OPENAI = new Canary("openai", "sk-proj-", random(ALNUM, 60));
  static final Canary GITHUB = new Canary("github", "ghp_", random(ALNUM, 36));
  static final Canary AWS = new Canary("aws", "AKIA", random(UPPER, 16));
  static final Canary SLACK =
      new Canary(
          "slack",
          "xoxb-",
          // Random ids: a run of counting digits ("12345678") is ordinary text in help messages.
          random(DIGITS, 10) + "-" + random(DIGITS, 10) + "-" + random(ALNUM, 24));

  /** A resolved ${VAR} value with no credential shape: only the run's known-secret set masks it. */
  static final Canary RESOLVED = new Canary("resolved", "", "hunter2-canary-value");

  static final List<Canary> SHAPED = List.of(ANTHROPIC, OAUTH, OPENAI, GITHUB, AWS, SLACK);
  static final List<Canary> ALL = List.of(ANTHROPIC, OAUTH, OPENAI, GITHUB, AWS, SLACK, RESOLVED);

  @TempDir static Path tmp;
  static Path project;
  static Path envFile;
  static Path authProfiles;
  static Path traces;
  static Path traceFolder;
  static Path scenario;
  static Path compareRemap;
  static Path otherTraces;
  static Path codexOnly;
  static Path argFileBadEnv;
  static Path argFileEnvEcho;

  private static String random(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @BeforeAll
  static void plant() throws IOException {
    // A project folder whose own name is a token, so every path printed carries one.
    project = Files.createDirectories(tmp.resolve("proj-" + GITHUB.value()));
    Path polpo = Files.createDirectories(project.resolve(".polpo"));
    Files.writeString(
        polpo.resolve("polpo.json"),
        "{\n"
            + "  \"project\": \"acme\",\n"
            + "  \""
            + ANTHROPIC.value()
            + "\": 1,\n"
            + "  \"settings\": {\n"
            + "    \"orchestratorModel\": \"${MODEL_CANARY}\",\n"
            + "    \"modelAllowlist\": {\""
            + OPENAI.value()
            + "\": {}},\n"
            + "    \"defaultRetryPolicy\": {\"fallbackAgent\": \""
            + SLACK.value()
            + "\"},\n"
            + "    \"storage\": \"postgres\", \"databaseUrl\": \"${DB_CANARY}\"\n"
            + "  },\n"
            + "  \"providers\": {\n"
            + "    \""
            + OAUTH.value()
            + "\": {\"apiKey\": \"${KEY_CANARY}\"},\n"
            + "    \"anthropic\": \""
            + AWS.value()
            + "\",\n"
            + "    \"openai\": {\"apiKey\": \""
            + RESOLVED.value()
            + "\"}\n"
            + "  }\n"
            + "}\n");
    Files.writeString(
        polpo.resolve("agents.json"),
        "[\n"
            + "  {\"agent\": {\"name\": \""
            + AWS.value()
            + "\", \"model\": \"${MODEL_CANARY}\", \"reportsTo\": \""
            + GITHUB.value()
            + "\"}, \"teamName\": \""
            + SLACK.value()
            + "\"},\n"
            + "  {\"agent\": {\"name\": \"coder\", \"model\": \"claude-sonnet-4-6\", \"reportsTo\": \""
            + ANTHROPIC.value()
            + "\"}, \"teamName\": \""
            + OPENAI.value()
            + "\"}\n"
            + "]\n");
    Files.writeString(
        polpo.resolve("teams.json"),
        "[{\"name\": \""
            + OAUTH.value()
            + "\", \"agents\": []}, {\"name\": \""
            + SLACK.value()
            + "\", \"agents\": [\""
            + AWS.value()
            + "\"]}]\n");
    String auth =
        "{\"version\": 1, \"profiles\": {\"anthropic:"
            + GITHUB.value()
            + "\": {\"provider\": \"anthropic\", \"type\": \"oauth\", \"access\": \""
            + OAUTH.value()
            + "\", \"refresh\": \""
            + RESOLVED.value()
            + "\", \"expires\": 1}}}\n";
    Files.writeString(polpo.resolve("auth-profiles.json"), auth);
    authProfiles = tmp.resolve("auth-" + SLACK.value() + ".json");
    Files.writeString(authProfiles, auth);
    envFile = tmp.resolve("env-" + AWS.value());
    Files.writeString(
        envFile,
        "MODEL_CANARY="
            + RESOLVED.value()
            + "\nKEY_CANARY="
            + ANTHROPIC.value()
            + "\nDB_CANARY=postgres://app:"
            + RESOLVED.value()
            + "@db.internal/app\nOTHER="
            + OPENAI.value()
            + "\n");

    traceFolder = Files.createDirectories(tmp.resolve("traces-" + OPENAI.value()));
    traces = traceFolder.resolve("calls-" + ANTHROPIC.value() + ".jsonl");
    List<String> lines = new ArrayList<>();
    Canary[] fields = {ANTHROPIC, OAUTH, OPENAI, GITHUB, AWS, SLACK};
    for (int i = 0; i < 12; i++) {
      Canary c = fields[i % fields.length];
      lines.add(
          "{\"timestamp\":"
              + (1_764_000_000_000L + i * 60_000L)
              + ",\"session\":\""
              + c.value()
              + "\",\"agent\":\""
              + fields[(i + 1) % fields.length].value()
              + "\",\"role\":\"agent\",\"provider\":\"anthropic\",\"model\":\""
              + (i == 11 ? AWS.value() : "claude-sonnet-4-5")
              + "\",\"profile\":\"anthropic:"
              + fields[(i + 2) % fields.length].value()
              + "\",\"status\":\"ok\",\"usage\":{\"input\":1200,\"output\":300,"
              + "\"cacheRead\":0,\"cacheWrite\":0}}");
    }
    lines.add("{\"timestamp\": \"" + GITHUB.value() + "\", broken");
    Files.write(traces, lines, StandardCharsets.UTF_8);

    plantOtherTraceFormats();

    scenario = tmp.resolve("scenario-" + OAUTH.value() + ".json");
    Files.writeString(
        scenario,
        "{\"profiles\": [\n"
            + "  {\"id\": \"anthropic:"
            + ANTHROPIC.value()
            + "\", \"provider\": \"anthropic\", \"type\": \"api_key\", \"organisation\": \""
            + GITHUB.value()
            + "\", \"tier\": \"tier1\"},\n"
            + "  {\"id\": \""
            + SLACK.value()
            + "\", \"provider\": \"anthropic\", \"type\": \"oauth\", \"organisation\": \""
            + AWS.value()
            + "\", \"tier\": \"tier1\"}]}\n");
    // picocli expands @FILE arguments: --env values read from one must be masked as well.
    argFileBadEnv = Files.writeString(tmp.resolve("bad-env.args"), "--env\n" + RESOLVED.value());
    argFileEnvEcho =
        Files.writeString(
            tmp.resolve("env-echo.args"),
            "--env\nK=" + RESOLVED.value() + "\n--format\n" + RESOLVED.value());
    compareRemap = tmp.resolve("compare-" + SLACK.value() + ".json");
    Files.writeString(
        compareRemap,
        "{\"remap\": [{\"from\": \"anthropic:*\", \"to\": \"anthropic:" + OPENAI.value() + "\"}]}\n");
  }

  /**
   * The other trace formats, each with canaries where its reader takes identifiers from (folder and
   * file names, session and instance ids, models, agent names, span ids, exit statuses, bad
   * timestamps it quotes), plus a Codex rollout that is named in a warning, and a folder of
   * rollouts only, which is an error naming the folder.
   */
  private static void plantOtherTraceFormats() throws IOException {
    otherTraces = Files.createDirectories(tmp.resolve("other-" + SLACK.value()));
    Path claude =
        Files.createDirectories(otherTraces.resolve("projects/-home-" + GITHUB.value()));
    String cc =
        "{\"type\":\"assistant\",\"sessionId\":\"%s\",\"requestId\":\"%s\","
            + "\"timestamp\":\"%s\",\"message\":{\"id\":\"%s\",\"model\":\"%s\","
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}}";
    Files.write(
        claude.resolve(AWS.value() + ".jsonl"),
        List.of(
            String.format(cc, OAUTH.value(), "req_1", "2026-10-01T10:00:00.000Z", "msg_1",
                "claude-sonnet-4-5"),
            String.format(cc, OAUTH.value(), "req_2", "2026-10-01T10:01:00.000Z", "msg_2",
                ANTHROPIC.value()),
            String.format(cc, "s", "req_3", OPENAI.value(), "msg_3", "claude-sonnet-4-5")),
        StandardCharsets.UTF_8);
    Path swe = Files.createDirectories(otherTraces.resolve("swe-" + OPENAI.value()));
    Files.writeString(
        swe.resolve(ANTHROPIC.value() + ".traj.json"),
        "{\"instance_id\": \"" + GITHUB.value() + "\", \"info\": {\"model_stats\":"
            + " {\"api_calls\": 3}, \"exit_status\": \"" + OAUTH.value() + "\"},"
            + " \"messages\": [{\"role\": \"assistant\", \"extra\": {\"timestamp\": 1759320000,"
            + " \"response\": {\"id\": \"r1\", \"model\": \"" + SLACK.value() + "/deepseek-chat\","
            + " \"usage\": {\"prompt_tokens\": 100, \"completion_tokens\": 5}}}}]}");
    String span =
        "{\"traceId\": \"t\", \"spanId\": \"%s\", \"startTimeUnixNano\": \"%s\","
            + " \"attributes\": ["
            + "{\"key\": \"gen_ai.request.model\", \"value\": {\"stringValue\": \"%s\"}},"
            + "{\"key\": \"gen_ai.conversation.id\", \"value\": {\"stringValue\": \"%s\"}},"
            + "{\"key\": \"gen_ai.agent.name\", \"value\": {\"stringValue\": \"%s\"}},"
            + "{\"key\": \"gen_ai.usage.input_tokens\", \"value\": {\"intValue\": \"100\"}},"
            + "{\"key\": \"gen_ai.usage.output_tokens\", \"value\": {\"intValue\": \"7\"}}]}";
    Files.writeString(
        otherTraces.resolve("spans-" + AWS.value() + ".otlp.json"),
        "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": ["
            + String.format(span, "s1", "1795766400000000000", "claude-opus-4-6", OAUTH.value(),
                OPENAI.value())
            + ","
            + String.format(span, GITHUB.value(), "0", "claude-opus-4-6", "c", "a")
            + "]}]}]}\n");
    String rollout =
        "{\"timestamp\":\"2026-10-01T10:00:00Z\",\"type\":\"session_meta\",\"payload\":"
            + "{\"id\":\"" + ANTHROPIC.value() + "\"}}";
    Files.writeString(otherTraces.resolve("rollout-" + GITHUB.value() + ".jsonl"), rollout);
    codexOnly = Files.createDirectories(tmp.resolve("codex-" + OAUTH.value()));
    Files.writeString(codexOnly.resolve("rollout-" + AWS.value() + ".jsonl"), rollout);
  }

  /** Command lines with a secret where something else was expected ($V), on $P or $T. */
  private static final String[][] FLAGS = {
    {"validate", "--severity", "$V", "$P"},
    {"validate", "--severity", "polpo/secret/literal=$V", "$P"},
    {"validate", "--severity", "$V=error"},
    {"validate", "--disable", "$V", "$P"},
    {"validate", "--config", "$V", "$P"},
    {"validate", "--env-file", "$V", "$P"},
    {"validate", "--auth-profiles", "$V", "$P"},
    {"validate", "--kind", "$V", "$P"},
    {"validate", "--format", "$V", "$P"},
    {"validate", "--color", "$V", "$P"},
    {"validate", "--fail-on", "$V", "$P"},
    {"validate", "--now", "$V", "$P"},
    {"validate", "$V"},
    {"validate", "$V.json"},
    {"validate", "--$V"},
    {"$V"},
    {"$V", "--help"},
    {"rules", "$V"},
    {"schema", "$V"},
    {"cost", "$V"},
    {"cost", "--by", "$V", "$T"},
    {"cost", "--prices", "$V", "$T"},
    {"cost", "--since", "$V", "$T"},
    {"simulate", "--scenario", "$V", "$T"},
    {"simulate", "--selector", "$V", "$T"},
    {"forecast", "--compare", "$V", "--runs", "2", "$T"},
    {"capacity", "--tiers", "$V", "$T"},
    {"prices", "show", "--prices", "$V"},
    {"record", "--listen", "$V"},
    {"record", "--upstream", "$V"},
    {"record", "--upstream-timeout", "$V"},
    {"record", "--$V"},
  };

  /** One command line, the files it writes, and a masked form that must appear (or null). */
  record Case(String name, List<String> args, List<Path> written, String expectMasked) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, List<String> args) {
    return new Case(name, args, List.of(), null);
  }

  static Stream<Arguments> cases() {
    List<Case> all = new ArrayList<>();
    String proj = project.toString();
    String env = envFile.toString();
    // validate, every format, to standard output and to --output, static and resolved passes.
    for (String format : List.of("text", "json", "sarif", "github", "junit")) {
      all.add(
          new Case(
              "validate " + format,
              List.of("validate", "--format", format, proj),
              List.of(),
              "sk-ant-api03-…"));
      Path out = tmp.resolve("out-" + format + "-" + ANTHROPIC.value());
      all.add(
          new Case(
              "validate resolved " + format + " --output",
              List.of(
                  "validate", "--format", format, "--env-file", env, "--env",
                  "EXTRA=" + GITHUB.value(), "--env", "MORE=" + RESOLVED.value(),
                  "--auth-profiles", authProfiles.toString(), "--require-env",
                  "--output", out.toString(), proj),
              List.of(out),
              null));
      all.add(
          c("validate resolved " + format,
              List.of("validate", "--format", format, "--env-file", env, "--auth-profiles",
                  authProfiles.toString(), "--strict", "--fail-on", "info", proj)));
    }
    all.add(new Case("validate text in colour",
        List.of("validate", "--color", "always", proj), List.of(), "sk-ant-api03-…"));
    all.add(c("validate one file by kind",
        List.of("validate", "--kind", "agents", proj + "/.polpo/agents.json")));
    // A secret where something else was expected: every flag, and positional arguments.
    for (Canary k : List.of(RESOLVED, ANTHROPIC)) {
      String v = k.value();
      all.add(c("--env without KEY= (" + k.kind() + ")", List.of("validate", "--env", v, proj)));
      all.add(c("--env=VALUE (" + k.kind() + ")", List.of("validate", "--env=" + v, proj)));
      all.add(c("--env KEY=VALUE (" + k.kind() + ")",
          List.of("validate", "--env", "K=" + v, "--format", "json", proj)));
      all.add(c("--env bad KEY (" + k.kind() + ")",
          List.of("validate", "--env", v + "=x", proj)));
    }
    all.add(new Case("--env from an @file without KEY=",
        List.of("validate", "@" + argFileBadEnv, proj), List.of(), Redactor.MASK));
    all.add(new Case("--env value echoed by another flag, from an @file",
        List.of("validate", "@" + argFileEnvEcho, proj), List.of(), Redactor.MASK));
    // Each flag gets the next shaped canary in turn: every shape meets several flags, and the
    // matrix stays small enough to run in seconds.
    int turn = 0;
    for (String[] flag : FLAGS) {
      Canary k = SHAPED.get(turn++ % SHAPED.size());
      String v = k.value();
      List<String> args = new ArrayList<>();
      for (String a : flag) {
        args.add(a.replace("$V", v).replace("$P", proj).replace("$T", traces.toString()));
      }
      all.add(c(String.join(" ", flag).replace("$V", k.kind() + "-canary"), args));
    }
    // Traces: fields, file and folder paths, every format and grouping.
    for (String format : List.of("text", "json", "csv")) {
      for (String by : List.of("session", "agent", "model", "profile")) {
        all.add(new Case("cost " + format + " --by " + by,
            List.of("cost", "--format", format, "--by", by, traces.toString()),
            List.of(), "…"));
      }
      all.add(c("cost folder " + format,
          List.of("cost", "--format", format, traceFolder.toString())));
      all.add(c("simulate " + format,
          List.of("simulate", "--format", format, "--scenario", scenario.toString(),
              traces.toString())));
    }
    // Claude Code, mini-swe-agent, OTLP and Codex files: their identifiers and quoted values.
    for (String format : List.of("text", "json", "csv")) {
      for (String by : List.of("session", "agent", "model")) {
        all.add(new Case("cost other formats " + format + " --by " + by,
            List.of("cost", "--format", format, "--by", by, otherTraces.toString()),
            List.of(), "…"));
      }
    }
    all.add(new Case("cost, a folder of Codex rollouts only",
        List.of("cost", codexOnly.toString()), List.of(), "codex-sk-ant-oat01-…: no LLM call"));
    Path otherReport = tmp.resolve("other-report-" + GITHUB.value());
    all.add(new Case("forecast --report over the other formats",
        List.of("forecast", "--horizon", "1d", "--runs", "2", "--sessions-per-day", "2",
            "--report", otherReport.toString(), otherTraces.toString()),
        List.of(otherReport), "…"));
    // record: a recording that cannot start names its output path (exit 3, nothing served)
    Path blocker = tmp.resolve("blocker-" + ANTHROPIC.value());
    all.add(new Case("record --output under a file",
        List.of("record", "--listen", "127.0.0.1:0", "--output",
            blocker.resolve(GITHUB.value()).resolve("t.jsonl").toString()),
        List.of(), "cannot start recording"));
    Path simReport = tmp.resolve("sim-report-" + AWS.value());
    all.add(new Case("simulate --report",
        List.of("simulate", "--scenario", scenario.toString(), "--report", simReport.toString(),
            traceFolder.toString()),
        List.of(simReport), "…"));
    Path fcReport = tmp.resolve("fc-report-" + OAUTH.value());
    all.add(new Case("forecast --compare --report",
        List.of("forecast", "--scenario", scenario.toString(), "--compare",
            compareRemap.toString(), "--horizon", "2d", "--runs", "3", "--sessions-per-day", "4",
            "--report", fcReport.toString(), traces.toString()),
        List.of(fcReport), null));
    Path fcReport2 = tmp.resolve("fc2-report-" + GITHUB.value());
    all.add(new Case("forecast --report",
        List.of("forecast", "--scenario", scenario.toString(), "--horizon", "2d", "--runs", "3",
            "--sessions-per-day", "4", "--report", fcReport2.toString(), traceFolder.toString()),
        List.of(fcReport2), "…"));
    Path capReport = tmp.resolve("cap-report-" + ANTHROPIC.value());
    all.add(new Case("capacity --report",
        List.of("capacity", "--scenario", scenario.toString(), "--sessions-per-day", "4",
            "--horizon", "1d", "--runs", "1", "--max-organisations", "1", "--tiers", "tier4",
            "--report", capReport.toString(), traces.toString()),
        List.of(capReport), null));
    Path badReport = tmp.resolve(OPENAI.value() + "-file");
    all.add(c("forecast --report onto a file",
        List.of("forecast", "--runs", "2", "--report", badReport.resolve("x").toString(),
            traces.toString())));
    return all.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyOutput_ofEveryCommand_holdsNoCanary(Case k) throws IOException {
    if (k.name().equals("forecast --report onto a file")) {
      Files.writeString(tmp.resolve(OPENAI.value() + "-file"), "not a directory");
    }
    if (k.name().equals("record --output under a file")) {
      Files.writeString(tmp.resolve("blocker-" + ANTHROPIC.value()), "not a directory");
    }
    CliRun r = CliRun.of(k.args().toArray(String[]::new));
    assertTrue(Set.of(0, 1, 2, 3).contains(r.exit()), k + ": exit " + r.exit());
    assertFalse(r.err().contains("\tat "), k + ": stack trace\n" + r.err());
    assertNoCanary(k + " stdout", r.out());
    assertNoCanary(k + " stderr", r.err());
    for (Path p : k.written()) {
      assertTrue(Files.exists(p), k + ": " + p.getFileName() + " was not written\n" + r.all());
      try (Stream<Path> files = Files.walk(p)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertNoCanary(k + " " + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    if (k.expectMasked() != null) {
      assertTrue(r.all().contains(k.expectMasked()), k + ": the canary never reached the output\n"
          + r.all());
    }
  }

  static void assertNoCanary(String where, String text) {
    for (Canary c : ALL) {
      String s = c.secret();
      for (int i = 0; i + 8 <= s.length(); i++) {
        int at = text.indexOf(s.substring(i, i + 8));
        if (at >= 0) {
          int from = Math.max(0, at - 60);
          fail(where + " leaked the " + c.kind() + " canary: …"
              + text.substring(from, Math.min(text.length(), at + 60)) + "…");
        }
      }
    }
  }
}
