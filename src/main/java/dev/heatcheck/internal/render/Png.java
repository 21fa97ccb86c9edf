package dev.heatcheck.internal.render;

import dev.heatcheck.internal.files.AtomicFile;
import dev.heatcheck.result.HeatcheckException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
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
      AtomicFile.write(target, out -> encode(image, out));
    } catch (IOException e) {
      throw new HeatcheckException("Cannot write PNG " + target + ": " + reason(e), e);
    }
  }

  /** The width and height of the PNG at {@code file}, read from its header alone. */
  public static int[] size(Path file) {
    Path source = file.toAbsolutePath();
    try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(source))) {
      byte[] start = new byte[16];
      in.readFully(start);
      if ((start[0] & 0xff) != 0x89 || start[1] != 'P' || start[12] != 'I' || start[13] != 'H') {
        throw new HeatcheckException("Cannot read PNG " + source + ": not a PNG file");
      }
      return new int[] {in.readInt(), in.readInt()};
    } catch (IOException e) {
      throw new HeatcheckException("Cannot read PNG " + source + ": " + reason(e), e);
    }
  }

  /** Decodes the PNG at {@code file}. */
  public static BufferedImage read(Path file) {
    Path source = file.toAbsolutePath();
    try {
      // the PNG parser itself rather than format guessing, so anything else is refused, not
      // half-read
      return new PngImageParser()
          .getBufferedImage(ByteSource.path(source), new PngImagingParameters());
    } catch (IOException | RuntimeException e) {
      // a damaged file can also trip the decoder's own checks; either way the file is what to
      // report
      throw new HeatcheckException("Cannot read PNG " + source + ": " + reason(e), e);
    }
  }

  /**
   * Encodes 8-bit RGB (or RGBA when the image has alpha), each row filtered by "Up" (the row above is
   * the best guess for screenshots and heat alike) and deflated fast. Written here rather than by
   * Commons Imaging, whose encoder took a quarter of a report's time, byte by byte.
   */
  static void encode(BufferedImage image, OutputStream out) throws IOException {
    int width = image.getWidth();
    int height = image.getHeight();
    boolean alpha = image.getColorModel().hasAlpha();
    int channels = alpha ? 4 : 3;
    DataOutputStream data = new DataOutputStream(out);
    data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(header);
    h.writeInt(width);
    h.writeInt(height);
    h.write(new byte[] {8, (byte) (alpha ? 6 : 2), 0, 0, 0});
    chunk(data, "IHDR", header.toByteArray());
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
      int[] argb = new int[width];
      byte[] previous = new byte[width * channels];
      byte[] row = new byte[width * channels];
      byte[] filtered = new byte[1 + width * channels];
      filtered[0] = 2; // Up
      // the pixels themselves when the image is plain ints (every map is); getRGB converts each one
      int[] raster = image.getType() == BufferedImage.TYPE_INT_RGB
              || image.getType() == BufferedImage.TYPE_INT_ARGB
          ? ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData()
          : null;
      if (raster != null && raster.length != width * height) {
        raster = null; // a view into a larger image: go pixel by pixel
      }
      for (int y = 0; y < height; y++) {
        if (raster != null) {
          System.arraycopy(raster, y * width, argb, 0, width);
        } else {
          image.getRGB(0, y, width, 1, argb, 0, width);
        }
        for (int x = 0, i = 0; x < width; x++) {
          int pixel = argb[x];
          row[i++] = (byte) (pixel >>> 16);
          row[i++] = (byte) (pixel >>> 8);
          row[i++] = (byte) pixel;
          if (alpha) {
            row[i++] = (byte) (pixel >>> 24);
          }
        }
        for (int i = 0; i < row.length; i++) {
          filtered[i + 1] = (byte) (row[i] - previous[i]);
        }
        deflate.write(filtered);
        byte[] swap = previous;
        previous = row;
        row = swap;
      }
    } finally {
      deflater.end();
    }
    chunk(data, "IDAT", compressed.toByteArray());
    chunk(data, "IEND", new byte[0]);
    data.flush();
  }

  private static void chunk(DataOutputStream out, String type, byte[] bytes) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(bytes);
    out.writeInt(bytes.length);
    out.write(name);
    out.write(bytes);
    out.writeInt((int) crc.getValue());
  }

  // one line, whatever the library put in its message
  private static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
