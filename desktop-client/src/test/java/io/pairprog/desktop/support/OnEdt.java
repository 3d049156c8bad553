package io.pairprog.desktop.support;

import java.awt.EventQueue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs test methods and their {@code @BeforeEach}/{@code @AfterEach} on the Swing event dispatch
 * thread and re-throws whatever they throw there, so assertion failures surface as usual (in the
 * spirit of RSyntaxTextArea's {@code SwingRunnerExtension}). Also offers {@link #call} and
 * {@link #run} for tests that stay off the EDT, as robot-driven GUI tests must.
 */
public final class OnEdt implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        call(() -> proceed(invocation));
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                          ExtensionContext extensionContext) throws Throwable {
        call(() -> proceed(invocation));
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                         ExtensionContext extensionContext) throws Throwable {
        call(() -> proceed(invocation));
    }

    /** An action that may throw anything. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Throwable;
    }

    /** Runs {@code action} on the EDT and waits; what it throws is thrown here. */
    public static void run(ThrowingRunnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Computes {@code action} on the EDT and returns its result; what it throws is thrown here. */
    public static <T> T call(ThrowingCallable<T> action) {
        if (EventQueue.isDispatchThread()) {
            return sneaky(action);
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            EventQueue.invokeAndWait(() -> {
                try {
                    result.set(action.call());
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the EDT", e);
        } catch (InvocationTargetException e) {
            failure.set(e.getCause());
        }
        if (failure.get() != null) {
            throw OnEdt.<RuntimeException>rethrow(failure.get());
        }
        return result.get();
    }

    /** A callable that may throw anything. */
    @FunctionalInterface
    public interface ThrowingCallable<T> {
        T call() throws Throwable;
    }

    private static Void proceed(Invocation<Void> invocation) throws Throwable {
        invocation.proceed();
        return null;
    }

    private static <T> T sneaky(ThrowingCallable<T> action) {
        try {
            return action.call();
        } catch (Throwable t) {
            throw OnEdt.<RuntimeException>rethrow(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
