package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polpocheck.UserInputException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Protects the side thread {@code forecast} reads its scenario and prepares its report on: steps
 * run in the order added, off the caller's thread, a failed step does not stop the next, and a
 * failure reaches the caller as the step threw it (so its one-line error reads the same).
 */
class SideThreadTest {

  @Test
  void join_stepsRunInOrderOffTheCallersThread_andReturnTheirResults() {
    List<String> order = new CopyOnWriteArrayList<>();
    SideThread side = new SideThread("test-side");
    Future<String> first = side.add(() -> {
      order.add("first");
      return Thread.currentThread().getName();
    });
    Future<Integer> second = side.add(() -> {
      order.add("second");
      return 42;
    });
    side.start();
    assertEquals(42, SideThread.join(second));
    assertEquals("test-side", SideThread.join(first));
    assertNotEquals("test-side", Thread.currentThread().getName());
    assertEquals(List.of("first", "second"), order);
  }

  @Test
  void join_aFailedStep_rethrowsItsOwnException_andTheNextStepStillRuns() {
    UserInputException bad = new UserInputException("scenario.json:2:11: unexpected character");
    SideThread side = new SideThread("test-side");
    Future<Object> failing = side.add(() -> {
      throw bad;
    });
    Future<String> next = side.add(() -> "ran");
    side.start();
    assertSame(bad, assertThrows(UserInputException.class, () -> SideThread.join(failing)));
    assertEquals("ran", SideThread.join(next));
  }

  @Test
  void join_aCheckedFailure_isWrappedWithItAsTheCause() {
    java.io.IOException io = new java.io.IOException("disk gone");
    SideThread side = new SideThread("test-side");
    Future<Object> failing = side.add(() -> {
      throw io;
    });
    side.start();
    assertSame(io, assertThrows(IllegalStateException.class, () -> SideThread.join(failing))
        .getCause());
  }
}
