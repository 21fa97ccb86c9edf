package dev.heatcheck.internal.browser;

import com.microsoft.playwright.Playwright;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * The local process of one Playwright driver (the Node program Playwright for Java talks to). A remote
 * browser has no local process to kill; its driver does, and killing it drops the connection, which
 * is what ends a call waiting on a frozen remote page.
 *
 * <p>Playwright 1.62 keeps the process in a private field of its Playwright object, and nothing public
 * tells one worker's driver from another's: every driver of a JVM gets the environment of the first
 * Playwright created in it (its Driver is a singleton), so a marker variable cannot tell them apart.
 * DriverProcessTest fails if a later Playwright drops the field.
 */
final class DriverProcess {
  private DriverProcess() {}

  static Optional<ProcessHandle> of(Playwright playwright) {
    try {
      Field field = playwright.getClass().getDeclaredField("driverProcess");
      field.setAccessible(true);
      return field.get(playwright) instanceof Process process
          ? Optional.of(process.toHandle())
          : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
