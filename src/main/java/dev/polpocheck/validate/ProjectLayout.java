package dev.polpocheck.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a target finds a project's files, and which target a set of paths belongs to.
 *
 * <p>Upstream's layout v2 (lumea-labs/polpo {@code
 * packages/file-stores/src/project-layout-files.ts} @9f25f13) keeps one agent per folder, {@code
 * .polpo/agents/<id>/agent.json} beside its {@code instructions.md}, one team per file, {@code
 * .polpo/teams/<id>.json}, and the project config in {@code .polpo/project.json}, which {@code
 * packages/cli/src/util/polpo-config.ts} prefers over a legacy {@code polpo.json}. {@code polpo
 * migrate} renames the legacy files to {@code agents.v1.json}, {@code teams.v1.json} and {@code
 * polpo.v1.json}: no reader looks at those backups, so discovery skips them too.
 */
public final class ProjectLayout {

  /** {@code "schemaVersion": 2}, the marker {@code polpo-config.ts} writes into project.json. */
  private static final Pattern SCHEMA_VERSION_2 =
      Pattern.compile("\"schemaVersion\"\\s*:\\s*2(?![0-9.eE])");

  private ProjectLayout() {}

  /** A file found in a project and the kind it is for the target. */
  public record Found(Path path, FileKind kind) {}

  /**
   * The target that {@code paths} belong to: upstream when any of them is, or sits in a {@code
   * .polpo/} folder that has, a {@code project.json} with {@code schemaVersion: 2} (or with no
   * {@code polpo.json} beside it), an {@code agents/<id>/agent.json} or a {@code teams/<id>.json};
   * Polpo 0.3.x otherwise.
   */
  public static PolpoTarget detect(List<Path> paths) {
    // A pre-commit run passes many files of one .polpo/ folder: look at each folder once.
    java.util.Set<Path> looked = new java.util.HashSet<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        for (Path dir : List.of(p, p.resolve(".polpo"))) {
          if (hasV2Files(dir)) {
            return PolpoTarget.UPSTREAM;
          }
        }
      } else if (upstreamOnlyName(p).isPresent()) {
        return PolpoTarget.UPSTREAM;
      } else {
        Path dir = polpoDirOf(p);
        if (dir != null && looked.add(dir) && hasV2Files(dir)) {
          return PolpoTarget.UPSTREAM;
        }
      }
    }
    return PolpoTarget.V03;
  }

  /** Whether {@code dir} holds a file only layout v2 has. */
  static boolean hasV2Files(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return false;
    }
    Path project = dir.resolve("project.json");
    // Polpo 0.3.x never reads project.json: without a polpo.json beside it, it is upstream's
    // project config even before `polpo migrate` stamps schemaVersion 2 into it.
    if (Files.isRegularFile(project)
        && (!Files.exists(dir.resolve("polpo.json"))
            || SCHEMA_VERSION_2.matcher(head(project)).find())) {
      return true;
    }
    return polpoFolder(dir) && (!agentFiles(dir).isEmpty() || !teamFiles(dir).isEmpty());
  }

  /**
   * Whether {@code dir} is a Polpo folder: named {@code .polpo}, or holding a project config.
   * Only there do {@code agents/} and {@code teams/} mean agent and team definitions; elsewhere
   * (a repository root with a {@code teams/} folder of its own) they are someone else's files.
   */
  static boolean polpoFolder(Path dir) {
    return (dir.getFileName() != null && dir.getFileName().toString().equals(".polpo"))
        || Files.isRegularFile(dir.resolve("project.json"))
        || Files.isRegularFile(dir.resolve("polpo.json"));
  }

  /**
   * The kind of a file given by name, for {@code target}: the fixed basenames, plus {@code
   * teams/<id>.json} for upstream.
   */
  public static Optional<FileKind> kindOf(Path file, PolpoTarget target) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    Optional<FileKind> byName = FileKind.fromBasename(name);
    if (byName.isPresent()) {
      return byName.filter(target::reads);
    }
    if (target == PolpoTarget.UPSTREAM && inTeamsFolder(file)) {
      return Optional.of(FileKind.TEAM);
    }
    return Optional.empty();
  }

  /** The upstream-only kind a file's name shows, if any ({@code project.json}, ...). */
  public static Optional<FileKind> upstreamOnlyName(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    Optional<FileKind> byName = FileKind.fromBasename(name).filter(FileKind::upstreamOnly);
    if (byName.isPresent()) {
      return byName;
    }
    return inTeamsFolder(file) ? Optional.of(FileKind.TEAM) : Optional.empty();
  }

  private static boolean inTeamsFolder(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("teams")
        && name.endsWith(".json")
        && !name.equals("teams.json");
  }

  /** The {@code .polpo} folder a file belongs to: its nearest ancestor of that name, or null. */
  public static Path polpoDirOf(Path file) {
    for (Path p = file.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equals(".polpo")) {
        return p;
      }
    }
    return null;
  }

  /** The Polpo files of the folder {@code dir} for {@code target}, in a stable order. */
  public static List<Found> files(Path dir, PolpoTarget target) {
    List<Found> out = new ArrayList<>();
    if (target == PolpoTarget.V03) {
      for (FileKind k : FileKind.values()) {
        Path f = dir.resolve(k.basename());
        if (target.reads(k) && Files.isRegularFile(f)) {
          out.add(new Found(f, k));
        }
      }
      return out;
    }
    Path project = dir.resolve("project.json");
    if (Files.isRegularFile(project)) {
      out.add(new Found(project, FileKind.PROJECT));
    } else if (Files.isRegularFile(dir.resolve("polpo.json"))) {
      // activePolpoConfigPath: polpo.json is read only when project.json is absent.
      out.add(new Found(dir.resolve("polpo.json"), FileKind.POLPO));
    }
    for (FileKind k : List.of(FileKind.AGENTS, FileKind.TEAMS, FileKind.AUTH_PROFILES)) {
      Path f = dir.resolve(k.basename());
      if (Files.isRegularFile(f)) {
        out.add(new Found(f, k));
      }
    }
    if (!polpoFolder(dir)) {
      return out;
    }
    for (Path f : agentFiles(dir)) {
      out.add(new Found(f, FileKind.AGENT));
    }
    for (Path f : teamFiles(dir)) {
      out.add(new Found(f, FileKind.TEAM));
    }
    return out;
  }

  /**
   * {@code agents/<id>/agent.json} under {@code polpoDir}, sorted by id: upstream's {@code
   * directoryAgentIds} keeps only folders that have an agent.json.
   */
  public static List<Path> agentFiles(Path polpoDir) {
    Path agents = polpoDir.resolve("agents");
    if (!Files.isDirectory(agents)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(agents)) {
      return s.filter(Files::isDirectory)
          .map(d -> d.resolve("agent.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      // An unlistable folder holds nothing Polpo could read either.
      return List.of();
    }
  }

  /** {@code teams/*.json} under {@code polpoDir}, sorted: upstream's {@code directoryTeamIds}. */
  public static List<Path> teamFiles(Path polpoDir) {
    Path teams = polpoDir.resolve("teams");
    if (!Files.isDirectory(teams)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(teams)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      // An unlistable folder holds nothing Polpo could read either.
      return List.of();
    }
  }

  /** The first 64 KiB of a file as text ({@code schemaVersion} sits at the top). */
  private static String head(Path file) {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
