package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.report.SummaryFile;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The folders given to merge, found to be every shard of one run, once each; or refused in one line. */
final class ShardSet {
  private ShardSet() {}

  /** One shard folder and what it says. */
  record Member(Path dir, ShardFolder.Info info, Summary summary) {
    Path events() {
      return dir.resolve(Pipeline.EVENTS);
    }
  }

  /**
   * The shards in order of their index.
   *
   * @param out where the merged run is to be written; null when not known yet
   */
  static List<Member> check(List<Path> dirs, Path out) {
    for (Path dir : dirs) {
      if (out != null
          && out.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
        throw new BadShards("--out " + out + " is inside the shard folder " + dir
            + "; write the merged run to another folder");
      }
    }
    List<Member> members = new ArrayList<>();
    for (Path dir : dirs) {
      members.add(member(dir));
    }
    Member first = members.get(0);
    for (Member member : members) {
      if (!member.info().plan().equals(first.info().plan())) {
        throw new BadShards(
            first.dir() + " and " + member.dir() + " are shards of different runs (plan "
                + first.info().plan() + " and plan " + member.info().plan()
                + "); merge the shards of one run");
      }
    }
    members.sort(Comparator.comparingInt(m -> m.info().index()));
    for (int i = 1; i < members.size(); i++) {
      if (members.get(i).info().index() == members.get(i - 1).info().index()) {
        throw new BadShards(members.get(i).info().named() + " is given twice: "
            + members.get(i - 1).dir() + " and " + members.get(i).dir());
      }
    }
    int count = first.info().count();
    List<String> missing = IntStream.rangeClosed(1, count)
        .filter(i -> members.stream().noneMatch(m -> m.info().index() == i))
        .mapToObj(i -> i + "/" + count)
        .toList();
    if (!missing.isEmpty()) {
      throw new BadShards((missing.size() == 1
              ? "shard " + missing.get(0) + " of plan " + first.info().plan() + " is missing"
              : "shards " + String.join(", ", missing) + " of plan "
                  + first.info().plan() + " are missing")
          + "; merge needs all " + count);
    }
    return List.copyOf(members);
  }

  private static Member member(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadShards(
          dir + " is not a folder; give the shard folders that heatcheck run --shard wrote");
    }
    if (!Files.isRegularFile(dir.resolve(ShardFolder.NAME))) {
      throw new BadShards(
          Files.isRegularFile(dir.resolve(SummaryFile.NAME))
              ? dir + " is a heatcheck run but not a shard: it has no " + ShardFolder.NAME
                  + " (heatcheck run --shard I/N writes one)"
              : dir + " is not a heatcheck shard folder: it has no " + ShardFolder.NAME);
    }
    ShardFolder.Info info;
    try {
      info = ShardFolder.read(dir);
    } catch (IOException e) {
      throw new BadShards(dir.resolve(ShardFolder.NAME) + ": not a heatcheck shard file ("
          + firstLine(e.getMessage()) + ")");
    }
    if (info.plan() == null
        || info.count() < 1
        || info.index() < 1
        || info.index() > info.count()) {
      throw new BadShards(dir.resolve(ShardFolder.NAME)
          + ": not a heatcheck shard file (no plan, or no shard index I of N)");
    }
    for (String file : List.of(SummaryFile.NAME, Pipeline.EVENTS)) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        throw new BadShards(dir + ": " + info.named() + " did not finish: it has no " + file);
      }
    }
    Summary summary;
    try {
      summary = SummaryFile.read(dir.resolve(SummaryFile.NAME));
    } catch (HeatcheckException e) {
      throw new BadShards(firstLine(e.getMessage()));
    }
    return new Member(dir, info, summary);
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
