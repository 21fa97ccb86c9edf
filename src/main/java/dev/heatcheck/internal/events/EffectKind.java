package dev.heatcheck.internal.events;

import java.util.Locale;

/** The ways a page shows it responded to a click. */
public enum EffectKind {
  MUTATION,
  NAVIGATION,
  REQUEST,
  DIALOG,
  POPUP,
  DOWNLOAD,
  SCROLL,
  FOCUS,
  SELECTION;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EffectKind of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
