package io.pairprog.desktop.support;

import java.awt.GraphicsEnvironment;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, with the reason in the report, when there is no display to open windows on.
 * CI runs the build under {@code xvfb-run}, so there the tests run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDisplay.Condition.class)
public @interface RequiresDisplay {

    /** Evaluates {@link GraphicsEnvironment#isHeadless()}. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return GraphicsEnvironment.isHeadless()
                    ? ConditionEvaluationResult.disabled("no display: GUI tests need one; run them under xvfb-run "
                    + "(xvfb-run -a --server-args=\"-screen 0 1600x1000x24\" mvn verify), as .ci/run does")
                    : ConditionEvaluationResult.enabled("a display is available");
        }
    }
}
