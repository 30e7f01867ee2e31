package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.root24.ci.ActionsExpression.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expression evaluator: constants decided exactly, everything run-dependent unknown. */
class ActionsExpressionTest {

    static final Map<String, ActionsExpression.Value> PUSH_TO_MAIN = new WorkflowTriggers.Run("push", "main").context();
    static final Map<String, ActionsExpression.Value> PR_TO_MAIN = new WorkflowTriggers.Run("pull_request", "main").context();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "false ; FALSE", "true ; TRUE", "0 ; FALSE", "-0 ; FALSE", "0.0 ; FALSE", "1 ; TRUE", "0x0 ; FALSE",
            "'' ; FALSE", "'0' ; TRUE", "'false' ; TRUE", "null ; FALSE", "NaN ; FALSE",
            "!true ; FALSE", "!!1 ; TRUE", "(false) ; FALSE", "((true)) ; TRUE",
            "always() && false ; FALSE", "always() ; TRUE", "success() ; TRUE", "!always() ; FALSE",
            "failure() ; UNKNOWN", "cancelled() ; UNKNOWN", "!cancelled() ; UNKNOWN",
            "true && 0 ; FALSE", "0 || 'x' ; TRUE", "false || null ; FALSE",
            "'a' == 'A' ; TRUE", "'a' != 'A' ; FALSE", "1 == '1' ; TRUE", "true == 1 ; TRUE", "null == 0 ; TRUE",
            "'' == 0 ; TRUE", "'x' == 0 ; FALSE", "NaN == NaN ; FALSE", "2 > 1 ; TRUE", "'b' < 'a' ; FALSE", "1 < 'x' ; FALSE",
            "github.actor == 'x' ; UNKNOWN", "github.actor == 'x' && false ; FALSE", "github.actor == 'x' || true ; TRUE",
            "github.actor == 'x' || false ; UNKNOWN", "!github.actor ; UNKNOWN", "matrix.os ; UNKNOWN",
            "github.ref == 'refs/heads/main' ; TRUE", "github.ref == 'refs/heads/never' ; FALSE",
            "github.ref != 'refs/heads/main' ; FALSE", "github['ref'] == 'refs/heads/main' ; TRUE",
            "github.event_name == 'push' ; TRUE", "github.event_name == 'schedule' ; FALSE",
            "startsWith(github.ref, 'refs/heads/') ; TRUE", "contains('abc', 'B') ; TRUE", "endsWith('abc', 'x') ; FALSE",
            "fromJSON('false') ; FALSE", "fromJSON('0') ; FALSE", "fromJSON('[]') ; TRUE", "fromJSON('[1]')[0] ; UNKNOWN",
            "format('{0}', false) ; UNKNOWN", "hashFiles('x') != '' ; UNKNOWN", "'it''s' == 'it''s' ; TRUE",
    })
    void onPushToMain(String expression, Truth expected) {
        ActionsExpression.Result r = ActionsExpression.evaluate(expression, PUSH_TO_MAIN);
        assertThat(r.understood()).as(expression).isTrue();
        assertThat(r.truth()).as(expression).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "github.ref == 'refs/heads/main' ; FALSE", "github.ref == 'refs/pull/1/merge' ; UNKNOWN",
            "github.base_ref == 'main' ; TRUE", "github.event_name == 'push' ; FALSE",
            "startsWith(github.ref, 'refs/pull/') ; TRUE", "startsWith(github.ref, 'refs/heads/') ; FALSE",
    })
    void onPullRequestToMain(String expression, Truth expected) {
        assertThat(ActionsExpression.evaluate(expression, PR_TO_MAIN).truth()).as(expression).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"a ==== b", "'unterminated", "(true", "true)", "a.", "=", "1 +", "$x"})
    void syntaxErrorsAreUnknownAndNotUnderstood(String expression) {
        ActionsExpression.Result r = ActionsExpression.evaluate(expression, PUSH_TO_MAIN);
        assertThat(r.understood()).isFalse();
        assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "${{ false }} ; FALSE", "\"  ${{ !true }}  \" ; FALSE", "false ; FALSE",
            "${{ false }} && true ; UNKNOWN", "x ${{ false }} ; UNKNOWN",
    })
    void conditionsInsideAndOutsideMarkers(String condition, Truth expected) {
        assertThat(ActionsExpression.evaluateCondition(condition, PUSH_TO_MAIN).truth()).as(condition).isEqualTo(expected);
    }

    @Test
    void hostileNestingIsRefusedNotOverflowingTheStack() {
        String deep = "(".repeat(5_000) + "false" + ")".repeat(5_000);
        assertThat(ActionsExpression.evaluate(deep, PUSH_TO_MAIN).understood()).isFalse();
        String nots = "!".repeat(9_000) + "true";
        assertThat(ActionsExpression.evaluate(nots, PUSH_TO_MAIN).understood()).isFalse();
        String shallow = "(".repeat(50) + "false" + ")".repeat(50);
        assertThat(ActionsExpression.evaluate(shallow, PUSH_TO_MAIN).truth()).isEqualTo(Truth.FALSE);
    }

    @Test
    void anOverlongExpressionIsNotRead() {
        String huge = "false" + " && false".repeat(ActionsExpression.MAX_LENGTH / 9 + 1);
        ActionsExpression.Result r = ActionsExpression.evaluate(huge, PUSH_TO_MAIN);
        assertThat(r.understood()).isFalse();
        assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    }
}
