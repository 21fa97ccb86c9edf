package dev.heatcheck.assertions;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.google.errorprone.annotations.CheckReturnValue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.testng.annotations.Test;

/**
 * A chain that stops before its check asserts nothing: every public method of the assertions that does
 * not check is {@link CheckReturnValue}, so IntelliJ and Error Prone flag the dropped chain; the methods
 * that check are not (they carry {@code CanIgnoreReturnValue}, whose class retention reflection cannot see).
 */
public class CheckReturnValueTest {
  private static final List<Class<?>> ASSERTIONS = List.of(
      HeatcheckAssertions.class,
      ResultAssert.class,
      FrictionAssert.class,
      ElementAssert.class,
      ElementAssert.ShareAssert.class);
  /** The methods that assert; all others only narrow, navigate or read. */
  private static final Set<String> TERMINAL =
      Set.of("isZero", "isAtMost", "isAtLeast", "passesItsChecks", "hasNoFailedVisitors");

  @Test
  public void every_method_that_does_not_check_must_have_its_value_used() {
    List<String> unmarked = new ArrayList<>();
    for (Method method : publicMethods()) {
      if (!TERMINAL.contains(method.getName())
          && !method.isAnnotationPresent(CheckReturnValue.class)) {
        unmarked.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
      }
    }
    assertEquals(unmarked, List.of());
  }

  @Test
  public void every_method_returning_a_non_terminal_assertion_is_marked() {
    int seen = 0;
    for (Method method : publicMethods()) {
      Class<?> type = method.getReturnType();
      if (type == FrictionAssert.class
          || type == ElementAssert.ShareAssert.class
          || (type == ElementAssert.class && !TERMINAL.contains(method.getName()))) {
        seen++;
        assertTrue(method.isAnnotationPresent(CheckReturnValue.class), method.toString());
      }
    }
    assertTrue(seen >= 9, "found " + seen + " navigation methods");
  }

  @Test
  public void the_checks_may_be_the_end_of_a_chain() {
    int seen = 0;
    for (Method method : publicMethods()) {
      if (TERMINAL.contains(method.getName())) {
        seen++;
        assertTrue(!method.isAnnotationPresent(CheckReturnValue.class), method.toString());
      }
    }
    assertEquals(seen, 6);
  }

  private static List<Method> publicMethods() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : ASSERTIONS) {
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())
            && !method.isSynthetic()
            && !List.of("toString", "equals", "hashCode").contains(method.getName())) {
          methods.add(method);
        }
      }
    }
    return methods;
  }
}
