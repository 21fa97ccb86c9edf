package dev.heatcheck.internal.browser;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.testng.annotations.Test;

/** Every test searches only temp folders: PATH is set to them, and Playwright's browser is whatever the test says. */
public class BrowserFinderTest {
  private static final Supplier<Optional<Path>> NO_PLAYWRIGHT_BROWSER = Optional::empty;

  @Test
  public void an_explicit_path_wins_over_the_environment_variable() throws IOException {
    Path dir = tempDir();
    Path explicit = executable(dir.resolve("my-chrome"));
    Path fromEnv = executable(dir.resolve("env-chrome"));

    BrowserChoice choice = finder(env(fromEnv.toString(), dir), NO_PLAYWRIGHT_BROWSER)
        .find(Optional.of(explicit))
        .orElseThrow();

    assertEquals(choice, new BrowserChoice(explicit, "--browser"));
  }

  @Test
  public void the_environment_variable_wins_over_a_browser_on_path() throws IOException {
    Path dir = tempDir();
    executable(dir.resolve("chromium"));
    Path fromEnv = executable(tempDir().resolve("env-chrome"));

    BrowserChoice choice = finder(env(fromEnv.toString(), dir), NO_PLAYWRIGHT_BROWSER)
        .find(Optional.empty())
        .orElseThrow();

    assertEquals(choice, new BrowserChoice(fromEnv, BrowserFinder.ENV));
  }

  @Test
  public void the_environment_variable_wins_over_playwrights_browser() throws IOException {
    Path fromEnv = executable(tempDir().resolve("env-chrome"));
    Path managed = executable(tempDir().resolve("chrome"));

    BrowserChoice choice = finder(env(fromEnv.toString(), tempDir()), () -> Optional.of(managed))
        .find(Optional.empty())
        .orElseThrow();

    assertEquals(choice.source(), BrowserFinder.ENV);
  }

  @Test
  public void a_blank_environment_variable_is_as_if_unset() throws IOException {
    Path dir = tempDir();
    Path chromium = executable(dir.resolve("chromium"));

    BrowserChoice choice =
        finder(env("  ", dir), NO_PLAYWRIGHT_BROWSER).find(Optional.empty()).orElseThrow();

    assertEquals(choice, new BrowserChoice(chromium, "system browser"));
  }

  @Test
  public void an_explicit_path_that_is_not_executable_is_refused_naming_path_and_option()
      throws IOException {
    Path plain = Files.createFile(tempDir().resolve("not-a-browser.txt"));

    BrowserNotFound e = expectThrows(
        BrowserNotFound.class,
        () -> finder(env(null, tempDir()), NO_PLAYWRIGHT_BROWSER).find(Optional.of(plain)));

    assertTrue(e.getMessage().contains(plain.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("--browser"), e.getMessage());
  }

  @Test
  public void an_environment_path_that_does_not_exist_is_refused_naming_path_and_variable()
      throws IOException {
    Path missing = tempDir().resolve("gone/chrome");

    BrowserNotFound e = expectThrows(
        BrowserNotFound.class,
        () -> finder(env(missing.toString(), tempDir()), NO_PLAYWRIGHT_BROWSER)
            .find(Optional.empty()));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("HEATCHECK_BROWSER"), e.getMessage());
  }

  @Test
  public void an_explicit_path_to_a_folder_is_refused() throws IOException {
    Path dir = tempDir(); // folders carry the x bit too

    expectThrows(
        BrowserNotFound.class,
        () -> finder(env(null, tempDir()), NO_PLAYWRIGHT_BROWSER).find(Optional.of(dir)));
  }

  @Test
  public void playwrights_browser_is_used_when_it_is_there() throws IOException {
    Path managed = executable(tempDir().resolve("chrome"));
    Path dir = tempDir();
    executable(dir.resolve("chromium"));

    BrowserChoice choice = finder(env(null, dir), () -> Optional.of(managed))
        .find(Optional.empty())
        .orElseThrow();

    assertEquals(choice, new BrowserChoice(managed, "installed by Playwright"));
  }

  @Test
  public void playwrights_browser_is_passed_over_when_its_file_does_not_exist() throws IOException {
    Path missing = tempDir().resolve("chrome-linux/chrome");
    Path dir = tempDir();
    Path chromium = executable(dir.resolve("chromium"));

    BrowserChoice choice = finder(env(null, dir), () -> Optional.of(missing))
        .find(Optional.empty())
        .orElseThrow();

    assertEquals(choice, new BrowserChoice(chromium, "system browser"));
  }

  @Test
  public void a_chromium_on_path_is_found_as_the_system_browser() throws IOException {
    Path dir = tempDir();
    Path chromium = executable(dir.resolve("chromium"));

    BrowserChoice choice =
        finder(env(null, dir), NO_PLAYWRIGHT_BROWSER).find(Optional.empty()).orElseThrow();

    assertEquals(choice, new BrowserChoice(chromium, "system browser"));
  }

  @Test
  public void chromiums_headless_shell_is_chosen_over_the_full_browser_beside_it()
      throws IOException {
    Path dir = tempDir();
    executable(dir.resolve("chromium"));
    Path shell = executable(dir.resolve("chromium-headless-shell"));

    BrowserChoice choice =
        finder(env(null, dir), NO_PLAYWRIGHT_BROWSER).find(Optional.empty()).orElseThrow();

    assertEquals(choice, new BrowserChoice(shell, "system browser"));
  }

  @Test
  public void every_folder_on_path_is_searched() throws IOException {
    Path empty = tempDir();
    Path dir = tempDir();
    Path chrome = executable(dir.resolve("google-chrome"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", empty + File.pathSeparator + dir);

    BrowserChoice choice =
        finder(env, NO_PLAYWRIGHT_BROWSER).find(Optional.empty()).orElseThrow();

    assertEquals(choice, new BrowserChoice(chrome, "system browser"));
  }

  @Test
  public void a_file_named_chromium_that_is_not_executable_is_not_a_browser() throws IOException {
    Path dir = tempDir();
    Files.createFile(dir.resolve("chromium"));

    assertEquals(
        finder(env(null, dir), NO_PLAYWRIGHT_BROWSER).find(Optional.empty()), Optional.empty());
  }

  @Test
  public void a_chromium_browser_script_that_only_says_snap_install_is_passed_over()
      throws IOException {
    // GIVEN Ubuntu's stub in one PATH folder and a real Chrome in another
    Path stubDir = tempDir();
    Path stub = executable(stubDir.resolve("chromium-browser"));
    Files.writeString(
        stub,
        "#!/bin/sh\necho 'Command requires the chromium snap: snap install chromium' >&2\nexit 1\n");
    Path chromeDir = tempDir();
    Path chrome = executable(chromeDir.resolve("google-chrome"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", stubDir + File.pathSeparator + chromeDir);

    BrowserChoice choice =
        finder(env, NO_PLAYWRIGHT_BROWSER).find(Optional.empty()).orElseThrow();

    // THEN the stub is skipped although "chromium-browser" comes before "google-chrome"
    assertEquals(choice.executable(), chrome);
  }

  @Test
  public void a_lone_snap_stub_means_no_browser() throws IOException {
    Path dir = tempDir();
    Path stub = executable(dir.resolve("chromium-browser"));
    Files.writeString(stub, "#!/bin/sh\necho 'snap install chromium'\n");

    assertEquals(
        finder(env(null, dir), NO_PLAYWRIGHT_BROWSER).find(Optional.empty()), Optional.empty());
  }

  @Test
  public void nothing_anywhere_finds_nothing() throws IOException {
    Path dir = tempDir();

    assertEquals(
        finder(env(null, dir), NO_PLAYWRIGHT_BROWSER).find(Optional.empty()), Optional.empty());
  }

  @Test
  public void no_path_variable_at_all_finds_nothing() {
    assertEquals(
        new BrowserFinder(Map.of(), NO_PLAYWRIGHT_BROWSER).find(Optional.empty()),
        Optional.empty());
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  private static BrowserFinder finder(Map<String, String> env, Supplier<Optional<Path>> managed) {
    return new BrowserFinder(env, managed);
  }

  /** PATH is only {@code pathDir}; HEATCHECK_BROWSER is {@code browser} unless null. */
  private static Map<String, String> env(String browser, Path pathDir) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", pathDir.toString());
    if (browser != null) {
      env.put(BrowserFinder.ENV, browser);
    }
    return env;
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.createFile(file);
    return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Path tempDir() throws IOException {
    return Files.createTempDirectory("heatcheck-browser-test");
  }
}
