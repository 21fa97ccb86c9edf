package dev.heatcheck.internal.drive;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import dev.heatcheck.internal.scenario.Location;
import dev.heatcheck.internal.scenario.ScrollTarget;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testng.annotations.Test;

/** The action kinds a visit writes to events.jsonl are the format's names, whatever the Java types are called. */
public class ActionKindTest {
  private static final Location AT = Location.startOf(Path.of("s.yaml"));

  @Test
  public void every_step_but_wait_writes_its_documented_action_kind() {
    Map<Step, String> expected = new LinkedHashMap<>();
    expected.put(new Step.Goto("/a", AT), "goto");
    expected.put(new Step.Click(new Target.BySelector("#a"), 1, 0, AT), "click");
    expected.put(new Step.Fill("#a", "typed", AT), "fill");
    expected.put(new Step.Hover("#a", AT), "hover");
    expected.put(new Step.Press("Enter", AT), "press");
    expected.put(new Step.Scroll(new ScrollTarget.ToBottom(), AT), "scroll");
    expected.put(
        new Step.Move(new Target.Located(java.util.List.of("#menu"), null, null, 1200L), AT),
        "hover");
    expected.forEach((step, kind) -> assertEquals(Driver.actionKind(step), kind, step.toString()));
    assertNull(
        Driver.actionKind(new Step.Wait(500, null, AT)),
        "a wait is no action: the click before it is still answered");
    assertNull(
        Driver.actionKind(new Step.Move(new Target.At(40, 50), AT)),
        "a replayed pointer move is the pointer travelling, as to a click: no action");
  }
}
