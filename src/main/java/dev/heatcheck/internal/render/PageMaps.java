package dev.heatcheck.internal.render;

import dev.heatcheck.internal.analyze.Analysis;
import dev.heatcheck.internal.analyze.Analyzer;
import dev.heatcheck.internal.analyze.ContainerStats;
import dev.heatcheck.internal.analyze.ElementStats;
import dev.heatcheck.internal.analyze.JudgedClick;
import dev.heatcheck.internal.analyze.MapKey;
import dev.heatcheck.internal.analyze.PageStats;
import dev.heatcheck.internal.analyze.ViewPlace;
import dev.heatcheck.internal.drive.Screens;
import dev.heatcheck.internal.drive.Shot;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.result.Kind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Draws the maps of every page × bucket: events stream into one grid per map, so memory does not grow
 * with their number. Clicks are re-projected by element anchoring: a click lands
 * at the same fraction of its element's box on the screenshot being drawn, wherever the element is there.
 */
public final class PageMaps {
  /** Chromium cannot shoot taller pages in one piece; maps stop there too. */
  private static final int MAX_HEIGHT = 16_384;
  /** Under heatmaps/: the maps as transparent layers, named like the maps. */
  public static final String LAYERS = "layers";
  /** Below this heap, pages are drawn one after the other. */
  private static final long SIDE_BY_SIDE_HEAP = 256L << 20;

  private PageMaps() {}

  /**
   * What was drawn for one page × bucket.
   *
   * @param anchored clicks placed by their element's box on the screenshot
   * @param asRecorded clicks drawn where they were recorded (same viewport, element not on the screenshot)
   * @param gone clicks per selector whose element is not on the screenshot of another layout: not drawn
   */
  public record Drawn(
      MapKey key,
      Path click,
      Path move,
      Path scroll,
      Optional<Shot> shot,
      int anchored,
      int asRecorded,
      Map<String, Integer> gone,
      Map<String, List<Double>> boxes,
      Map<String, Path> containerScrolls) {}

  /**
   * Draws the maps while the analysis streams: each judged click and each move goes into its page's
   * grids as it comes, so nothing is read twice and no event is kept. The grids are laid out from a
   * first look at the views ({@code plan}: which screenshot, how tall), the maps finished from the full
   * analysis.
   */
  public static final class Drawing implements Analyzer.Listener {
    private final Map<MapKey, Canvas> canvases = new TreeMap<>();
    private final Path screensDir;
    private final boolean recordedLayout;

    /**
     * @param plan the pages as the views alone tell them
     * @param recordedLayout the screenshots show the layout the events were recorded on (a run's own), so
     *     a click whose element is not on them (a dialog opened later) is drawn where it was recorded; on
     *     new screenshots such a click's element is gone
     */
    public Drawing(List<PageStats> plan, Path screensDir, boolean recordedLayout) {
      this.screensDir = screensDir;
      this.recordedLayout = recordedLayout;
      for (PageStats page : plan) {
        canvases.put(
            page.key(),
            new Canvas(
                page, Shot.find(screensDir, page.mainPath(), page.mainViewport()), recordedLayout));
      }
    }

    @Override
    public void judged(JudgedClick click, ViewPlace place) {
      Canvas canvas = place == null ? null : canvases.get(place.key());
      if (canvas != null) {
        canvas.click(click.click(), place);
      }
    }

    @Override
    public void moved(Event.Move move, ViewPlace place) {
      Canvas canvas = place == null ? null : canvases.get(place.key());
      if (canvas != null) {
        canvas.move(move, place);
      }
    }

    /** Writes every page's maps, with what the whole analysis found (outlines, scroll reach). */
    public List<Drawn> write(Analysis analysis, Path heatmapsDir) {
      List<Canvas> ordered = new ArrayList<>();
      for (PageStats page : analysis.pages()) {
        ordered.add(canvases.computeIfAbsent(
            page.key(),
            k -> new Canvas(
                page,
                Shot.find(screensDir, page.mainPath(), page.mainViewport()),
                recordedLayout)));
      }
      // pages are drawn side by side, one per core, when the heap has room for two at once; each
      // canvas is dropped once written
      List<PageStats> pages = analysis.pages();
      canvases.clear();
      Drawn[] drawn = new Drawn[pages.size()];
      java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, pages.size());
      if (Runtime.getRuntime().maxMemory() >= SIDE_BY_SIDE_HEAP) {
        indexes = indexes.parallel();
      }
      indexes.forEach(i -> {
        drawn[i] = ordered.get(i).write(pages.get(i), heatmapsDir);
        ordered.set(i, null);
      });
      return List.of(drawn);
    }
  }

  /** One page × bucket being drawn: its background, its grids and what could not be placed. */
  private static final class Canvas {
    PageStats page;
    final Optional<Shot> shot;
    /** The page as planned: what its background is made of; the picture itself is only read to write the maps. */
    final PageStats planned;

    final int width;
    final int height;
    final DensityGrid clicks;
    final DensityGrid moves;
    final Map<String, Integer> gone = new TreeMap<>();
    /** Where each element was when clicked on the layout drawn on: its outline when no anchor is known. */
    final Map<String, List<Double>> recordedBoxes = new LinkedHashMap<>();

    final Projection projection;
    int anchored;
    int asRecorded;

    Canvas(PageStats page, Optional<Shot> shot, boolean recordedLayout) {
      this.page = page;
      this.shot = shot;
      this.projection = new Projection(shot, page.mainViewport(), recordedLayout);
      this.planned = page;
      int[] size = shot.map(s -> Png.size(s.image())).orElseGet(() -> blankSize(page));
      this.width = size[0];
      this.height = size[1];
      this.clicks = new DensityGrid(width, height);
      this.moves = new DensityGrid(width, height);
    }

    void click(Event.Click click, ViewPlace place) {
      var target = click.target();
      Projection.Placed placed = projection.click(click, place.viewport());
      switch (placed.placement()) {
        case ANCHORED -> anchored++;
        case AS_RECORDED -> {
          asRecorded++;
          if (target != null && target.box() != null && target.box().size() == 4) {
            recordedBoxes.putIfAbsent(target.selector(), target.box());
          }
        }
        case GONE ->
          gone.merge(String.valueOf(target == null ? null : target.selector()), 1, Integer::sum);
      }
      if (placed.placement() != Projection.Placement.GONE) {
        clicks.add(placed.x(), placed.y());
      }
    }

    void move(Event.Move move, ViewPlace place) {
      double[] at = projection.move(move, place.viewport());
      moves.add(at[0], at[1]);
    }

    Drawn write(PageStats finished, Path dir) {
      page = finished;
      String stem = Screens.stem(page.key().page(), page.key().bucket());
      Path clickFile = dir.resolve(stem + "-click.png");
      Path moveFile = dir.resolve(stem + "-move.png");
      Path scrollFile = dir.resolve(stem + "-scroll.png");
      BufferedImage background = background(shot, planned);
      // each grid is blurred once, for its map and for its layer
      DensityField clickField = DensityField.blur(clicks, Heatmap.DEFAULT_SIGMA_PX);
      DensityField moveField = DensityField.blur(moves, Heatmap.DEFAULT_SIGMA_PX);
      BufferedImage clickMap = Heatmap.draw(background, clicks, clickField, "click");
      Outlines.draw(clickMap, outlines());
      Png.write(clickMap, clickFile);
      Png.write(Heatmap.draw(background, moves, moveField, "move"), moveFile);
      ScrollReach reach = new ScrollReach(page.docHeight(), page.fold(), page.reach());
      Png.write(ScrollMap.draw(background, reach), scrollFile);
      writeLayers(dir.resolve(LAYERS), stem, reach, clickField, moveField);
      return new Drawn(
          page.key(),
          clickFile,
          moveFile,
          scrollFile,
          shot,
          anchored,
          asRecorded,
          new LinkedHashMap<>(gone),
          boxes(),
          containerScrolls(dir, stem));
    }

    /** A scroll map of each inner scroll container, over a plain panel of its scrollable height. */
    private Map<String, Path> containerScrolls(Path dir, String stem) {
      Map<String, Path> files = new LinkedHashMap<>();
      for (ContainerStats container : page.containers()) {
        int width = Math.max(320, container.width());
        int height = Math.min(MAX_HEIGHT, Math.max(1, container.height()));
        BufferedImage panel = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = panel.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = dir.resolve(stem + "-scroll-"
            + Screens.stem(container.selector(), "").replaceAll("-$", "") + ".png");
        Png.write(
            ScrollMap.draw(
                panel, new ScrollReach(container.height(), container.fold(), container.reach())),
            file);
        files.put(container.selector(), file);
      }
      return files;
    }

    /** The same maps as see-through layers, for index.html to stack over the screenshot. */
    private void writeLayers(
        Path dir, String stem, ScrollReach reach, DensityField clickField, DensityField moveField) {
      Png.write(
          Heatmap.overlay(width, height, clicks, clickField), dir.resolve(stem + "-click.png"));
      Png.write(Heatmap.overlay(width, height, moves, moveField), dir.resolve(stem + "-move.png"));
      Png.write(ScrollMap.overlay(width, height, reach), dir.resolve(stem + "-scroll.png"));
    }

    /** Each clicked element's box on the image drawn on, where it is known. */
    Map<String, List<Double>> boxes() {
      Map<String, List<Double>> boxes = new LinkedHashMap<>();
      for (ElementStats element : page.elements()) {
        box(element.selector()).ifPresent(b -> boxes.put(element.selector(), b));
      }
      return boxes;
    }

    private Optional<List<Double>> box(String selector) {
      return shot.flatMap(s -> s.anchor(selector))
          .or(() -> Optional.ofNullable(recordedBoxes.get(selector)));
    }

    /** Dead, rage and error targets, where their elements are on the image drawn on. */
    List<Outline> outlines() {
      List<Outline> outlines = new ArrayList<>();
      for (ElementStats element : page.elements()) {
        box(element.selector()).ifPresent(b -> {
          add(outlines, Kind.DEAD, b, element.dead());
          add(outlines, Kind.RAGE, b, element.rage());
          add(outlines, Kind.ERROR, b, element.error());
        });
      }
      return outlines;
    }

    private static void add(List<Outline> outlines, Kind kind, List<Double> box, int count) {
      if (count > 0) {
        outlines.add(new Outline(kind, box.get(0), box.get(1), box.get(2), box.get(3), count));
      }
    }
  }

  /** The page's screenshot, or a white page of its size when there is none. */
  public static BufferedImage background(Optional<Shot> shot, PageStats page) {
    return shot.map(s -> Png.read(s.image())).orElseGet(() -> blank(page));
  }

  private static int[] blankSize(PageStats page) {
    return new int[] {
      Math.max(1, Projection.width(page.mainViewport())),
      Math.min(MAX_HEIGHT, Math.max(1, Math.max(page.docHeight(), page.fold())))
    };
  }

  private static BufferedImage blank(PageStats page) {
    int[] size = blankSize(page);
    int width = size[0];
    int height = size[1];
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }
}
