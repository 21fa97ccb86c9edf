package dev.heatcheck.internal.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import dev.heatcheck.internal.events.EffectKind;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.events.Route;
import dev.heatcheck.internal.events.Target;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Records one visitor (one browser context): the in-page script reports clicks, scrolls, moves, page
 * views (SPA routes included), errors and the page's reactions with the page's own clock; this side adds
 * what only the browser sees (requests from anywhere, navigations, dialogs, popups, downloads, console
 * errors). Everything goes to the event log as it happens, until {@link #stop()} takes off everything the
 * recorder attached.
 *
 * <p>Dialogs are observed through the DevTools protocol, never answered: the test's own
 * {@code page.onDialog} handler answers them, and without one Playwright dismisses them itself.
 */
public final class Recorder {
  static final String BINDING = "__heatcheck";
  private static final String KEY = "__heatcheckRecorder";
  /**
   * recorder.js as written: it goes to the browser through the DevTools protocol, never over a network,
   * and a page load with it minified was no faster (README, Performance).
   */
  private static final String SCRIPT = loadScript();
  /** A query value or fragment: this side cannot tell typed text from the rest, so it reports none. */
  private static final Pattern QUERY_VALUE = Pattern.compile("=[^&#]*|#.*");
  /** Requests a click can start; pictures and styles loading with the page are not a reaction. */
  private static final Set<String> REACTION_REQUESTS =
      Set.of("fetch", "xhr", "document", "websocket", "eventsource", "ping");
  /**
   * Dialogs of one view recorded one effect each; the rest are counted and told in one effect when the view
   * ends, so a page that alerts in an endless loop cannot fill the disk.
   */
  static final int DIALOGS_PER_VIEW = 5;

  /**
   * What the recorder does beyond the defaults.
   *
   * @param maskText record every element's text as {@code ***}, not only inside {@code [data-heatcheck-mask]}
   * @param judge the scenario's own judgement settings, written on each page view for analysis; null for
   *     the defaults
   * @param watchMs how long after a click the page reports its reactions; longer than the longest window,
   *     so that late reactions are on record too
   */
  public record Options(boolean maskText, Event.Judging judge, long watchMs) {
    public static Options defaults() {
      return new Options(false, null, 5_000);
    }
  }

  private final BrowserContext context;
  private final String session;
  private final String scenario;
  private final EventLog log;
  private final Options options;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<Page, String> currentView = new WeakHashMap<>();
  private final Map<Page, String> currentUrl = new WeakHashMap<>();
  private final Map<String, String> urlByPath = new LinkedHashMap<>();
  private final Set<String> selectors = new LinkedHashSet<>();
  private volatile long lastClick;
  private final AtomicLong clicks = new AtomicLong();
  private final Map<Page, Watch> watches = new LinkedHashMap<>();
  private final Map<Page, DialogTally> dialogs = new HashMap<>();
  private final Consumer<Page> onPage = this::watch;
  private final Consumer<BrowserContext> onContextClose = closed -> contextClosed = true;
  private AutoCloseable initScript;
  private boolean stopped;
  private volatile boolean contextClosed;

  private Recorder(
      BrowserContext context, String session, String scenario, EventLog log, Options options) {
    this.context = context;
    this.session = session;
    this.scenario = scenario;
    this.log = log;
    this.options = options;
  }

  /** Starts recording every page the context opens from now on, popups included. */
  public static Recorder attach(
      BrowserContext context, String session, String scenario, EventLog log) {
    return attach(context, session, scenario, log, Options.defaults());
  }

  /** Starts recording every page the context opens from now on, popups included. */
  public static Recorder attach(
      BrowserContext context, String session, String scenario, EventLog log, Options options) {
    Recorder recorder = new Recorder(context, session, scenario, log, options);
    String script = SCRIPT + "("
        + Json.mapper()
            .valueToTree(Map.of("maskText", options.maskText(), "watch", options.watchMs()))
        + ");";
    recorder.initScript = context.addInitScript(script);
    context.onPage(recorder.onPage);
    context.onClose(recorder.onContextClose);
    // pages already open (a test's own page) are recorded from their current document on
    for (Page page : context.pages()) {
      if (!recorder.watch(page) && !page.isClosed()) {
        recorder.stop();
        throw new HeatcheckException(
            "cannot record " + page.url() + ": the browser gave no DevTools session to it;"
                + " heatcheck records Chromium pages only");
      }
      try {
        page.evaluate("() => { " + script + " }");
      } catch (PlaywrightException e) {
        // a page that is navigating gets the script from its next document
      }
    }
    return recorder;
  }

  /**
   * Closes a context a recorder is attached to, once every page has sent what it still held (scroll
   * samples wait up to 100 ms, events go in batches up to 40 ms apart). A click may have left for a page
   * that is still loading: that load is stopped first. Chromium (156 here) never finishes disposing of a
   * context whose page commits a navigation meanwhile, and a page with a navigation pending answers the
   * drain only once it commits, which made the two meet.
   */
  public static void close(BrowserContext context) {
    for (Page page : context.pages()) {
      stopLoading(context, page);
      drain(page);
    }
    closeContext(context);
  }

  /** As {@link #close(BrowserContext)}, and what this recorder still counted (dialogs) goes to the log first. */
  public void close() {
    for (Page page : context.pages()) {
      stopLoading(context, page);
    }
    if (!stopped) {
      stopped = true;
      watches.keySet().forEach(this::finish); // closing the context takes off the rest
    }
    closeContext(context);
  }

  private static void closeContext(BrowserContext context) {
    AtomicBoolean gone = new AtomicBoolean();
    context.onClose(closed -> gone.set(true));
    try {
      context.close();
    } catch (PlaywrightException e) {
      // the browser went first (it crashed or was closed) and took the context with it: what was
      // sent is in
      // the log. A context that is still there and cannot close is a fault to report.
      Browser browser = context.browser();
      if (!gone.get() && (browser == null || browser.isConnected())) {
        throw e;
      }
    }
  }

  private static void stopLoading(BrowserContext context, Page page) {
    try {
      CDPSession devtools = context.newCDPSession(page);
      devtools.send("Page.stopLoading");
      devtools.detach();
    } catch (PlaywrightException e) {
      // a page that closed meanwhile loads nothing
    }
  }

  /**
   * Makes the page send what it still holds, now, and stop recording its document. The page's messages
   * arrive before the answer to this call, so they are in the event log when it returns. A page that is
   * gone or between documents has nothing to send; a document the page loads later records again.
   */
  public static void drain(Page page) {
    if (page.isClosed()) {
      return;
    }
    try {
      page.evaluate("() => { const r = window." + KEY + "; if (r && r.drain) r.drain(); }");
    } catch (PlaywrightException e) {
      // the document went away meanwhile: what it had, it sent before it unloaded
    }
  }

  /**
   * Ends the recording: each page sends what it still holds, dialogs counted past the first few of a view
   * are told, and everything this recorder attached comes off (the init script, the context's and pages'
   * handlers, each page's binding and DevTools session). The pages stay as they are; documents they load
   * from now on have no recorder. Calling it again does nothing.
   */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    context.offPage(onPage);
    context.offClose(onContextClose);
    closeInitScript();
    for (Page page : List.copyOf(watches.keySet())) {
      finish(page);
      watches.remove(page).detach();
    }
  }

  /**
   * Tells the dialogs each page's view only counted, without asking the pages for anything: for a
   * visitor whose pages a deadline stopped, that crashed or whose browser is gone, which cannot be
   * drained (a DevTools call to such a page can wait for ever), as a page alerting without end.
   */
  public void tellCountedDialogs() {
    List.copyOf(dialogs.keySet()).forEach(this::endDialogs);
  }

  /** The page sends what it still holds, and the dialogs its view only counted are told. */
  private void finish(Page page) {
    drain(page);
    endDialogs(page);
  }

  private void closeInitScript() {
    try {
      initScript.close();
    } catch (PlaywrightException e) {
      // a context that closed took its init scripts with it
      if (!contextClosed) {
        throw e;
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          e); // Playwright's AutoCloseable declares Exception; it throws none other
    }
  }

  /** The recorder script as pages get it (before its options), for measuring its size. */
  public static String script() {
    return SCRIPT;
  }

  /** Marks a visitor action other than a click, so later reactions are not credited to an earlier click. */
  public void action(Page page, String kind) {
    log.append(new Event.Action(
        nextId(), currentView.get(page), session, System.currentTimeMillis(), kind));
  }

  /** How a replayed action's element was found ({@link Event.Replayed}); written after the action. */
  public void replayed(
      Page page, String kind, String found, String via, List<String> locate, Long recordedMs) {
    log.append(new Event.Replayed(
        nextId(),
        currentView.get(page),
        session,
        System.currentTimeMillis(),
        kind,
        found,
        via,
        locate,
        recordedMs));
  }

  /** How many clicks reached the event log. */
  public long clicksRecorded() {
    return clicks.get();
  }

  /** Epoch ms of the newest click, 0 before the first. */
  public long lastClick() {
    return lastClick;
  }

  /** The first URL seen for each page path, in order of first visit: what to screenshot. */
  public Map<String, String> pagesSeen() {
    return Map.copyOf(urlByPath);
  }

  /** Every selector clicked so far: what screenshots must locate to anchor the clicks. */
  public Set<String> selectorsClicked() {
    return Set.copyOf(selectors);
  }

  /** Records the page from now on; false when it gave no DevTools session (it closed, or is not Chromium's). */
  private boolean watch(Page page) {
    if (stopped || watches.containsKey(page)) {
      return true;
    }
    Watch watch = new Watch(page);
    watches.put(page, watch);
    return watch.attach();
  }

  /** What the recorder attached to one page, kept so that {@link #stop()} can take each of them off again. */
  private final class Watch {
    private final Page page;
    private final Consumer<Request> onRequest;
    private final Consumer<Frame> onNavigated;
    private final Consumer<Page> onPopup;
    private final Consumer<Download> onDownload;
    private final Consumer<String> onPageError;
    private final Consumer<ConsoleMessage> onConsole;
    private final Consumer<JsonObject> onBinding;
    private final Consumer<JsonObject> onDialog;
    private CDPSession devtools;

    Watch(Page page) {
      this.page = page;
      onRequest = request -> Recorder.this.onRequest(page, request);
      onNavigated = frame -> Recorder.this.onNavigated(page, frame);
      onPopup = popup -> effect(page, EffectKind.POPUP, null);
      onDownload = download -> effect(page, EffectKind.DOWNLOAD, download.suggestedFilename());
      onPageError = error -> Recorder.this.onPageError(page, error);
      onConsole = message -> Recorder.this.onConsole(page, message);
      onBinding = call -> {
        if (BINDING.equals(call.get("name").getAsString())) {
          receive(page, call.get("payload").getAsString());
        }
      };
      onDialog = opening -> Recorder.this.onDialog(page, opening.get("type").getAsString());
    }

    boolean attach() {
      page.onRequest(onRequest);
      page.onFrameNavigated(onNavigated);
      page.onPopup(onPopup);
      page.onDownload(onDownload);
      page.onPageError(onPageError);
      page.onConsoleMessage(onConsole);
      return bind();
    }

    /**
     * The page's channel to this side: a Chrome DevTools binding of the page's own, whose calls only send a
     * message. Playwright's exposeBinding answers every call, a round trip that holds up the thread driving
     * the visit, and one more thing to wait for while a page goes. A page whose binding is not there yet (a
     * popup's first moments) keeps its messages until it is. The same session watches dialogs open: seen,
     * not answered, unlike Playwright's onDialog, whose handler must answer and so takes the dialog from
     * the test's own handler.
     */
    private boolean bind() {
      try {
        devtools = context.newCDPSession(page);
        devtools.on("Runtime.bindingCalled", onBinding);
        devtools.on("Page.javascriptDialogOpening", onDialog);
        devtools.send(
            "Runtime.enable"); // a binding answers only while its session has the runtime enabled
        devtools.send(
            "Page.enable"); // dialog events come only while its session has the page domain enabled
        JsonObject binding = new JsonObject();
        binding.addProperty("name", BINDING);
        devtools.send("Runtime.addBinding", binding);
        return true;
      } catch (PlaywrightException e) {
        return false; // a page closed as it opened has nothing to record; attach tells the rest
      }
    }

    void detach() {
      page.offRequest(onRequest);
      page.offFrameNavigated(onNavigated);
      page.offPopup(onPopup);
      page.offDownload(onDownload);
      page.offPageError(onPageError);
      page.offConsoleMessage(onConsole);
      if (devtools == null) {
        return;
      }
      devtools.off("Runtime.bindingCalled", onBinding);
      devtools.off("Page.javascriptDialogOpening", onDialog);
      try {
        JsonObject binding = new JsonObject();
        binding.addProperty("name", BINDING);
        devtools.send("Runtime.removeBinding", binding);
        devtools.detach();
      } catch (PlaywrightException e) {
        // a page that closed took its session with it
        if (!page.isClosed() && !contextClosed) {
          throw e;
        }
      }
    }
  }

  /** A view's first few dialogs are effects; the rest are counted until the view ends. */
  private void onDialog(Page page, String type) {
    String view = currentView.get(page);
    DialogTally tally = dialogs.get(page);
    if (tally == null || !Objects.equals(tally.view, view)) {
      endDialogs(page);
      tally = new DialogTally(view);
      dialogs.put(page, tally);
    }
    tally.seen++;
    if (tally.seen <= DIALOGS_PER_VIEW) {
      effect(page, EffectKind.DIALOG, type);
    } else {
      tally.last = System.currentTimeMillis();
    }
  }

  /** Tells how many dialogs of the page's view went unrecorded, as one more dialog effect: "N more". */
  private void endDialogs(Page page) {
    DialogTally tally = dialogs.remove(page);
    if (tally != null && tally.seen > DIALOGS_PER_VIEW) {
      log.append(new Event.Effect(
          nextId(),
          tally.view,
          session,
          tally.last,
          EffectKind.DIALOG.id(),
          (tally.seen - DIALOGS_PER_VIEW) + " more"));
    }
  }

  /** The dialogs one view of a page opened, and when the newest one opened. */
  private static final class DialogTally {
    final String view;
    long seen;
    long last;

    DialogTally(String view) {
      this.view = view;
    }
  }

  private void onRequest(Page page, Request request) {
    if (REACTION_REQUESTS.contains(request.resourceType()) && !request.isNavigationRequest()) {
      effect(page, EffectKind.REQUEST, request.method() + " " + withoutValues(request.url()));
    }
  }

  /** A new document, or an SPA route to a new URL; history calls that keep the URL are no navigation. */
  private void onNavigated(Page page, Frame frame) {
    // about:blank is where a new page or popup starts, not a page of the site
    if (frame == page.mainFrame()
        && !frame.url().startsWith("about:")
        && !frame.url().equals(currentUrl.put(page, frame.url()))) {
      effect(page, EffectKind.NAVIGATION, withoutValues(frame.url()));
    }
  }

  /** The recorder reports uncaught errors of the documents it records, timed by the page; this is for the rest. */
  private void onPageError(Page page, String error) {
    if (!currentView.containsKey(page)) {
      error(page, System.currentTimeMillis(), firstLine(error));
    }
  }

  /** Timed by the page's clock, so an error just after a click is not blamed on the click after it. */
  private void onConsole(Page page, ConsoleMessage message) {
    if ("error".equals(message.type())
        && !String.valueOf(message.location()).contains("favicon.ico")) {
      long t =
          message.timestamp() > 0 ? Math.round(message.timestamp()) : System.currentTimeMillis();
      error(page, t, "console.error: " + firstLine(message.text()));
    }
  }

  private void effect(Page page, EffectKind kind, String detail) {
    log.append(new Event.Effect(
        nextId(), currentView.get(page), session, System.currentTimeMillis(), kind.id(), detail));
  }

  private void error(Page page, long t, String message) {
    log.append(new Event.PageError(nextId(), currentView.get(page), session, t, message));
  }

  /** One message from the page, or a batch of them as a JSON array. */
  private void receive(Page page, String json) {
    JsonNode message;
    try {
      message = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return; // a page can call the binding itself; what is not ours is ignored
    }
    if (message.isArray()) {
      message.forEach(one -> receive(page, one));
    } else {
      receive(page, message);
    }
  }

  private void receive(Page page, JsonNode message) {
    String view = session + ":" + message.path("view").asText();
    long t = Math.round(message.path("t").asDouble()); // the page clock has fractions of a ms
    switch (message.path("type").asText()) {
      case "view" -> onView(page, view, message, t);
      case "click" -> onClick(view, message, t);
      case "scroll" -> onScroll(view, message, t);
      case "move" ->
        log.append(
            new Event.Move(nextId(), view, session, t, pixel(message, "x"), pixel(message, "y")));
      case "effect" ->
        log.append(new Event.Effect(
            nextId(), view, session, t, message.path("kind").asText(), text(message, "detail")));
      case "error" ->
        log.append(
            new Event.PageError(nextId(), view, session, t, firstLine(text(message, "message"))));
      default -> {}
    }
  }

  /** An inner container's scroll comes as container: [selector, scrollTop, visible height, scrollable height, box]. */
  private void onScroll(String view, JsonNode message, long t) {
    JsonNode inner = message.path("container");
    boolean isInner = inner.isArray() && inner.size() == 5;
    log.append(new Event.Scroll(
        nextId(),
        view,
        session,
        t,
        pixel(message, "y"),
        message.path("docH").asInt(),
        isInner ? inner.get(0).asText() : null,
        isInner ? (double) Math.round(inner.get(1).asDouble()) : null,
        isInner ? inner.get(2).asInt() : null,
        isInner ? inner.get(3).asInt() : null,
        isInner ? box(inner.get(4)) : null));
  }

  private void onView(Page page, String view, JsonNode message, long t) {
    if (!view.equals(currentView.put(page, view))) {
      endDialogs(page);
    }
    String path = pathOf(message.path("url").asText());
    urlByPath.putIfAbsent(path, message.path("url").asText());
    log.append(new Event.View(
        view,
        session,
        scenario,
        message.path("url").asText(),
        path,
        message.path("vw").asInt(),
        message.path("vh").asInt(),
        message.path("docW").asInt(),
        message.path("docH").asInt(),
        t,
        options.judge()));
  }

  private void onClick(String view, JsonNode message, long t) {
    lastClick = Math.max(lastClick, t);
    double x = message.path("x").asDouble();
    double y = message.path("y").asDouble();
    double vx = message.path("vx").asDouble();
    double vy = message.path("vy").asDouble();
    List<Double> box = TargetReader.box(message.path("target"));
    if (message.path("key").asBoolean() && box != null) {
      // pressed with a key (Enter, Space): there is no pointer position, so the click is at the
      // element's middle
      double middleX = box.get(0) + box.get(2) / 2;
      double middleY = box.get(1) + box.get(3) / 2;
      vx += middleX - x;
      vy += middleY - y;
      x = middleX;
      y = middleY;
    }
    x = Math.round(x);
    y = Math.round(y);
    Target target = TargetReader.read(message.path("target"), x, y);
    if (target.selector() != null) {
      selectors.add(target.selector());
    }
    clicks.incrementAndGet();
    log.append(new Event.Click(
        nextId(),
        view,
        session,
        t,
        x,
        y,
        message.path("modifier").asBoolean(),
        target,
        (double) Math.round(vx),
        (double) Math.round(vy),
        count(message)));
  }

  /** The click's number within its gesture (MouseEvent.detail); null when unknown (a key press says 0). */
  private static Integer count(JsonNode message) {
    int count = message.path("count").asInt(0);
    return count >= 1 ? count : null;
  }

  /**
   * http://host:port/a/b?q#f is /a/b, as the page's location.pathname would say; with a hash route
   * (#/config, #!/config) it is /a/b#/config: each route of a hash-routed app is a page of its own.
   */
  static String pathOf(String url) {
    return Route.of(url, pathnameOf(url));
  }

  private static String pathnameOf(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    while (start < url.length() && "/?#".indexOf(url.charAt(start)) < 0) {
      start++; // the host and port
    }
    int end = start;
    while (end < url.length() && "?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return end > start ? url.substring(start, end) : "/";
  }

  private String nextId() {
    return session + ":" + sequence.incrementAndGet();
  }

  /** A field of a page message as text; null when absent or null. */
  static String text(JsonNode node, String field) {
    return text(node.get(field));
  }

  /** A page box [x, y, width, height] to a tenth of a pixel, as boxes are kept; null unless four numbers. */
  static List<Double> box(JsonNode values) {
    List<Double> box = new ArrayList<>();
    values.forEach(v -> box.add(Math.round(v.asDouble() * 10) / 10.0));
    return box.size() == 4 ? List.copyOf(box) : null;
  }

  /** A value of a page message as text; null when absent or null. */
  static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A coordinate rounded to a whole CSS pixel: the page sends them with their fractions. */
  private static double pixel(JsonNode node, String field) {
    return Math.round(node.path(field).asDouble());
  }

  /** http://shop/search?q=*** : the parameters' names stay, their values (maybe typed) go. */
  static String withoutValues(String url) {
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    if (query < 0 && fragment < 0) {
      return url;
    }
    int start = query >= 0 ? query : fragment;
    return url.substring(0, start)
        + QUERY_VALUE
            .matcher(url.substring(start))
            .replaceAll(m -> m.group().startsWith("#") ? "" : "=***");
  }

  private static String firstLine(String text) {
    String stripped = text == null ? "" : text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  private static String loadScript() {
    try (InputStream in = Recorder.class.getResourceAsStream("recorder.js")) {
      if (in == null) {
        throw new HeatcheckException(
            "recorder.js is missing from heatcheck's jar; rebuild with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HeatcheckException(
          "cannot read recorder.js from heatcheck's jar: " + e.getMessage(), e);
    }
  }
}
