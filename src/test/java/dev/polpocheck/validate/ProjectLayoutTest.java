package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects how a run picks its target and finds a project's files: upstream's readers
 * (lumea-labs/polpo packages/file-stores/src/project-layout-files.ts and
 * packages/cli/src/util/polpo-config.ts @9f25f13/@0919a53) decide what counts, never polpo-check.
 */
class ProjectLayoutTest {

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void detect_legacyProject_is03(@TempDir Path tmp) throws IOException {
    write(tmp.resolve(".polpo/polpo.json"), "{}");
    write(tmp.resolve(".polpo/agents.json"), "[]");
    assertEquals(PolpoTarget.V03, ProjectLayout.detect(List.of(tmp)));
  }

  @Test
  void detect_teamsFolderOutsideAPolpoFolder_isNotLayoutV2(@TempDir Path tmp) throws IOException {
    // A repository root with a teams/ folder of its own JSON is not a Polpo project.
    write(tmp.resolve("teams/roster.json"), "{}");
    assertEquals(PolpoTarget.V03, ProjectLayout.detect(List.of(tmp)));
    assertEquals(List.of(), ProjectLayout.files(tmp, PolpoTarget.UPSTREAM));
  }

  @Test
  void detect_agentFolder_isUpstream_evenFromALegacyFileOfIt(@TempDir Path tmp) throws IOException {
    write(tmp.resolve(".polpo/polpo.json"), "{}");
    write(tmp.resolve(".polpo/agents/a/agent.json"), "{}");
    assertEquals(PolpoTarget.UPSTREAM, ProjectLayout.detect(List.of(tmp)));
    // pre-commit passes only the changed file: its .polpo/ folder decides.
    assertEquals(
        PolpoTarget.UPSTREAM, ProjectLayout.detect(List.of(tmp.resolve(".polpo/polpo.json"))));
  }

  @Test
  void detect_projectJsonBesidePolpoJson_needsSchemaVersion2(@TempDir Path tmp) throws IOException {
    write(tmp.resolve(".polpo/polpo.json"), "{}");
    write(tmp.resolve(".polpo/project.json"), "{\"projectId\": \"x\"}");
    assertEquals(PolpoTarget.V03, ProjectLayout.detect(List.of(tmp)));
    write(tmp.resolve(".polpo/project.json"), "{\"schemaVersion\": 2}");
    assertEquals(PolpoTarget.UPSTREAM, ProjectLayout.detect(List.of(tmp)));
  }

  @Test
  void files_upstream_projectJsonWinsOverPolpoJson_foldersWithoutAgentJsonIgnored(@TempDir Path tmp)
      throws IOException {
    Path polpo = tmp.resolve(".polpo");
    write(polpo.resolve("project.json"), "{}");
    write(polpo.resolve("polpo.json"), "{}");
    write(polpo.resolve("agents/b/agent.json"), "{}");
    write(polpo.resolve("agents/a/agent.json"), "{}");
    write(polpo.resolve("agents/notes/readme.md"), "");
    write(polpo.resolve("teams/eng.json"), "{}");
    write(polpo.resolve("teams.v1.json"), "[]");
    List<String> found =
        ProjectLayout.files(polpo, PolpoTarget.UPSTREAM).stream()
            .map(f -> polpo.relativize(f.path()) + " " + f.kind().id())
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "project.json project",
            "agents/a/agent.json agent",
            "agents/b/agent.json agent",
            "teams/eng.json team"),
        found);
  }

  @Test
  void kindOf_teamFileOnlyForUpstream() {
    Path team = Path.of("x/.polpo/teams/eng.json");
    assertEquals(FileKind.TEAM, ProjectLayout.kindOf(team, PolpoTarget.UPSTREAM).orElseThrow());
    assertEquals(true, ProjectLayout.kindOf(team, PolpoTarget.V03).isEmpty());
    assertEquals("agents-upstream.schema.json", PolpoTarget.UPSTREAM.schemaFile(FileKind.AGENTS));
    assertEquals("project.schema.json", PolpoTarget.UPSTREAM.schemaFile(FileKind.POLPO));
    assertEquals("agents.schema.json", PolpoTarget.V03.schemaFile(FileKind.AGENTS));
  }
}
