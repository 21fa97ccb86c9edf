package dev.heatcheck.internal.render;

import dev.heatcheck.internal.files.AtomicFile;
import dev.heatcheck.result.HeatcheckException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.apache.commons.imaging.formats.png.PngImagingParameters;

/** Reads and writes PNG files with Commons Imaging, failing with a message that names the file. */
public final class Png {
  private Png() {}

  /**
   * Writes {@code image} to {@code file}, creating its folders. The bytes go to a temporary file beside
   * it that is then moved into place, so a crash never leaves half a PNG under the real name.
   */
  public static void write(BufferedImage image, Path file) {
    Objects.requireNonNull(image, "image");
    Path target = file.toAbsolutePath();
    try {
      AtomicFile.write(target, out -> new PngImageParser().writeImage(image, out, parameters()));
    } catch (IOException e) {
      throw new HeatcheckException("Cannot write PNG " + target + ": " + reason(e), e);
    }
  }

  /** Decodes the PNG at {@code file}. */
  public static BufferedImage read(Path file) {
    Path source = file.toAbsolutePath();
    try {
      // the PNG parser itself rather than format guessing, so anything else is refused, not half-read
      return new PngImageParser().getBufferedImage(ByteSource.path(source), new PngImagingParameters());
    } catch (IOException | RuntimeException e) {
      // a damaged file can also trip the decoder's own checks; either way the file is what to report
      throw new HeatcheckException("Cannot read PNG " + source + ": " + reason(e), e);
    }
  }

  private static PngImagingParameters parameters() {
    // filtering rows shrinks screenshots a lot, and costs little next to the deflate
    return new PngImagingParameters().setPredictorEnabled(true);
  }

  // one line, whatever the library put in its message
  private static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
