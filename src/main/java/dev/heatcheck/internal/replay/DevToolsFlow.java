package dev.heatcheck.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.replay.Locator.Strategy;
import dev.heatcheck.result.HeatcheckException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chrome DevTools Recorder flow (puppeteer/replay's Schema.ts) as one untimed visit. Its selectors are kept
 * in DevTools' order, each written as Playwright reads it: {@code aria/Name[role="button"]} as
 * {@code role=button[name="Name"]} (without a role as a label, then a text), {@code text/...} as text,
 * {@code xpath/...} as {@code xpath=}, {@code pierce/...} as CSS (Playwright's CSS pierces open shadow roots),
 * and an array that steps into shadow roots as a {@code >>} chain.
 */
final class DevToolsFlow {
  private static final Set<String> NEED_SELECTORS =
      Set.of("click", "doubleClick", "hover", "change", "waitForElement");
  private static final Set<String> IGNORED =
      Set.of("close", "customStep", "emulateNetworkConditions");
  // heatcheck's separators, as capture/Selectors has them: into an iframe's document, into a shadow
  // root
  private static final String FRAME = " >>> ";
  private static final String SHADOW = " >> ";
  private static final Pattern ARIA_ROLE = Pattern.compile("^(.*)\\[role=\"([^\"]+)\"]$");

  private DevToolsFlow() {}

  static Recorded read(Path file, JsonNode flow) {
    String title = flow.path("title").asText(null);
    List<Action> actions = new ArrayList<>();
    Viewport viewport = null;
    String startUrl = null;
    JsonNode steps = flow.path("steps");
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      String type = step.path("type").asText("");
      String where = file + ": steps[" + i + "] (" + (type.isEmpty() ? "no type" : type) + "): ";
      if (NEED_SELECTORS.contains(type) && locators(step).isEmpty()) {
        throw new HeatcheckException(
            where + "no selectors: a " + type + " step needs at least one to find its element");
      }
      long at = Action.UNTIMED;
      switch (type) {
        case "setViewport" -> {
          Viewport size =
              new Viewport(step.path("width").asInt(), step.path("height").asInt());
          if (size.width() <= 0 || size.height() <= 0) {
            throw new HeatcheckException(where + "width and height must be positive numbers");
          }
          viewport = viewport == null ? size : viewport;
          actions.add(new Action.SetViewport(at, size));
        }
        case "navigate" -> {
          String url = step.path("url").asText("");
          if (url.isEmpty()) {
            throw new HeatcheckException(where + "no url");
          }
          startUrl = startUrl == null ? url : startUrl;
          actions.add(new Action.Navigate(at, url, false));
        }
        case "click" -> actions.add(new Action.Click(at, target(step), button(step)));
        case "doubleClick" -> actions.add(new Action.DoubleClick(at, target(step)));
        case "hover" -> actions.add(new Action.Move(at, target(step), null));
        case "change" -> {
          String value = step.path("value").asText("");
          actions.add(new Action.Input(
              at,
              target(step),
              value,
              null,
              !value.isEmpty() && value.chars().allMatch(c -> c == '*')));
        }
        case "keyDown", "keyUp" -> {
          String key = step.path("key").asText("");
          if (key.isEmpty()) {
            throw new HeatcheckException(where + "no key");
          }
          actions.add(new Action.Key(at, key, type.equals("keyDown")));
        }
        case "scroll" ->
          actions.add(new Action.Scroll(
              at,
              locators(step).isEmpty() ? null : target(step),
              step.path("x").asDouble(),
              step.path("y").asDouble()));
        case "waitForElement" ->
          actions.add(new Action.WaitForElement(
              at,
              target(step),
              step.path("operator").asText(">="),
              step.path("count").asInt(1),
              step.path("visible").isBoolean() ? step.get("visible").asBoolean() : null));
        case "waitForExpression" -> {
          String expression = step.path("expression").asText("");
          if (expression.isEmpty()) {
            throw new HeatcheckException(where + "no expression");
          }
          actions.add(new Action.WaitForExpression(at, expression, frame(step)));
        }
        default -> {
          if (!IGNORED.contains(type)) {
            throw new HeatcheckException(
                where + "unknown step type: DevTools writes setViewport, navigate, click,"
                    + " doubleClick, hover, change, keyDown, keyUp, scroll, waitForElement, waitForExpression, close");
          }
        }
      }
      // a step DevTools saw navigate: a player waits for that page after replaying the step
      for (JsonNode event : step.path("assertedEvents")) {
        if ("navigation".equals(event.path("type").asText())
            && event.hasNonNull("url")
            && !type.equals("navigate")) {
          actions.add(new Action.Navigate(at, event.get("url").asText(), true));
        }
      }
    }
    List<Visit> visits =
        actions.isEmpty() ? List.of() : List.of(new Visit("1", 0, startUrl, viewport, actions));
    return new Recorded(file, Format.DEVTOOLS, title, startUrl, viewport, visits);
  }

  private static String button(JsonNode step) {
    return switch (step.path("button").asText("primary")) {
      case "secondary" -> "right";
      case "auxiliary" -> "middle";
      default -> "left";
    };
  }

  private static Target target(JsonNode step) {
    Position position = step.path("offsetX").isNumber()
        ? new Position(
            step.get("offsetX").asDouble(),
            step.path("offsetY").asDouble(),
            Position.Origin.ELEMENT)
        : null;
    return new Target(locators(step), null, null, frame(step), position);
  }

  /** DevTools' frame: child frame indexes from the top; as a chain of iframe selectors. */
  private static String frame(JsonNode step) {
    if (!step.path("frame").isArray() || step.get("frame").isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode index : step.get("frame")) {
      parts.add("iframe >> nth=" + index.asInt());
    }
    return String.join(FRAME, parts);
  }

  private static List<Locator> locators(JsonNode step) {
    String frame = frame(step);
    String prefix = frame == null ? "" : frame + FRAME;
    List<Locator> out = new ArrayList<>();
    for (JsonNode selector : step.path("selectors")) {
      if (selector.isTextual()) {
        out.addAll(locators(prefix, List.of(selector.asText())));
      } else if (selector.isArray() && !selector.isEmpty()) {
        List<String> parts = new ArrayList<>();
        selector.forEach(part -> parts.add(part.asText()));
        out.addAll(locators(prefix, parts));
      }
    }
    return out;
  }

  /** One DevTools selector (its parts step into shadow roots) as Playwright locators. */
  private static List<Locator> locators(String prefix, List<String> parts) {
    String last = parts.get(parts.size() - 1);
    StringBuilder chain = new StringBuilder(prefix);
    for (String part : parts.subList(0, parts.size() - 1)) {
      chain.append(css(part)).append(SHADOW);
    }
    String head = chain.toString();
    if (last.startsWith("aria/")) {
      String name = last.substring(5);
      Matcher role = ARIA_ROLE.matcher(name);
      if (role.matches()) {
        return List.of(new Locator(
            Strategy.ROLE,
            head + "role=" + role.group(2) + "[name=" + Naming.quote(role.group(1)) + "]"));
      }
      // an accessible name without a role: a label's, else the element's own text
      return List.of(
          new Locator(Strategy.LABEL, head + "internal:label=" + Naming.quote(name) + "s"),
          new Locator(Strategy.TEXT, head + "text=" + Naming.quote(name)));
    }
    if (last.startsWith("text/")) {
      return List.of(new Locator(
          Strategy.TEXT, head + "internal:text=" + Naming.quote(last.substring(5)) + "i"));
    }
    if (last.startsWith("xpath/")) {
      return List.of(new Locator(Strategy.XPATH, head + "xpath=" + last.substring(6)));
    }
    return List.of(new Locator(Strategy.CSS, head + css(last)));
  }

  private static String css(String selector) {
    return selector.startsWith("pierce/") ? selector.substring(7) : selector;
  }
}
