package dev.root24.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    @Test
    void theSeedExampleIs80Silver() {
        Scorecard card = Scoring.DEFAULT.score(PhaseScore.measured(Phase.STATIC, 52, ""),
                PhaseScore.measured(Phase.DYNAMIC, 100, ""), PhaseScore.measured(Phase.AUDIT, 91, ""));
        assertThat(card.overall()).isEqualTo(80);
        assertThat(card.tier()).isEqualTo(Tier.SILVER);
        assertThat(card.exactOverall()).isEqualByComparingTo(new BigDecimal("80.95"));
        assertThat(card.verdict()).isEqualTo("ROOT24 80/100 SILVER (static 52, dynamic 100, audit 91)");
    }

    @ParameterizedTest
    @CsvSource({"49,NONE", "50,BRONZE", "69,BRONZE", "70,SILVER", "84,SILVER", "85,GOLD", "94,GOLD", "95,PLATINUM",
            "0,NONE", "100,PLATINUM"})
    void tierEdges(int overall, Tier tier) {
        assertThat(TierThresholds.DEFAULT.tierOf(overall)).isEqualTo(tier);
    }

    @Test
    void overallIsFlooredExactlyAtAnEdge() {
        // 35·64 + 40·100 + 25·91 = 8515 -> 85 exactly; in doubles 0.35·64 is 22.399999…
        assertThat(Scoring.DEFAULT.overall(64, 100, 91)).isEqualTo(85);
        assertThat(Scoring.DEFAULT.overall(63, 100, 91)).isEqualTo(84);
        // 0.35·60 + 0.40·85 + 0.25·100 = 21 + 34 + 25 = 80 with no float drift below 80
        assertThat(Scoring.DEFAULT.overall(60, 85, 100)).isEqualTo(80);
    }

    @Test
    void notMeasuredScoresZeroAndSaysSo() {
        Scorecard card = Scoring.DEFAULT.score(PhaseScore.measured(Phase.STATIC, 52, ""),
                PhaseScore.measured(Phase.DYNAMIC, 100, ""), PhaseScore.notMeasured(Phase.AUDIT, "no WORM chain"));
        assertThat(card.overall()).isEqualTo(58);
        assertThat(card.verdict()).isEqualTo("ROOT24 58/100 BRONZE (static 52, dynamic 100, audit not measured)");
        assertThatThrownBy(() -> new PhaseScore(Phase.AUDIT, false, 91, "")).hasMessageContaining("not measured");
    }

    @Test
    void weightsMustSumTo100() {
        assertThatThrownBy(() -> new Weights(35, 40, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("phase weights must sum to 100, got 35 + 40 + 20 = 95");
        assertThatThrownBy(() -> new Weights(60, 50, -10)).hasMessageContaining("must not be negative");
        assertThat(new Weights(50, 50, 0).auditWeight()).isZero();
    }

    @Test
    void configuredWeightsAndThresholdsApply() {
        Scoring scoring = new Scoring(new Weights(50, 50, 0), new TierThresholds(99, 90, 80, 60));
        assertThat(scoring.overall(80, 100, 0)).isEqualTo(90);
        assertThat(scoring.thresholds().tierOf(90)).isEqualTo(Tier.GOLD);
        assertThat(scoring.thresholds().tierOf(89)).isEqualTo(Tier.SILVER);
        assertThatThrownBy(() -> new TierThresholds(95, 85, 85, 50)).hasMessageContaining("rise strictly");
    }

    @Test
    void dynamicPhaseIsPassedPointsOverAllPoints() {
        assertThat(DynamicPhase.score(30, 40)).isEqualTo(75);
        assertThat(DynamicPhase.score(1, 3)).isEqualTo(33);
        assertThat(DynamicPhase.score(2, 3)).isEqualTo(66);
        assertThat(DynamicPhase.score(java.util.List.of()).measured()).isFalse();
    }

    @Test
    void tiersParse() {
        assertThat(Tier.parse(" gold ")).isEqualTo(Tier.GOLD);
        assertThatThrownBy(() -> Tier.parse("gilded")).hasMessageContaining("'gilded' is not a tier");
    }
}
