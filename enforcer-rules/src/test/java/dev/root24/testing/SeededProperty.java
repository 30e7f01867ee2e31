package dev.root24.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.TestAbortedException;

/**
 * A property checked over {@link SeededCases}: a {@code @ParameterizedTest} whose failure message
 * starts with the case's display name (seed, case number, values), because Maven's console
 * summary shows only {@code method(int)[7]} and the message.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@ExtendWith(SeededProperty.NameTheCase.class)
public @interface SeededProperty {

    /** Prefixes the failure with the case's name; the original failure stays as the cause. */
    final class NameTheCase implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (failure instanceof TestAbortedException) {
                throw failure;
            }
            AssertionError named = new AssertionError(context.getDisplayName() + ": " + failure, failure);
            named.setStackTrace(failure.getStackTrace());
            throw named;
        }
    }
}
