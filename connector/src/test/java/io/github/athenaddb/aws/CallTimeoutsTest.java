package io.github.athenaddb.aws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallTimeoutsTest
{
    private static final CallTimeouts TEN_AND_THIRTY = new CallTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void outsideLambdaTheConfiguredTimeoutsApply()
    {
        assertThat(TEN_AND_THIRTY.forCall(Optional.empty()))
                .isEqualTo(new CallTimeouts.Limit(Duration.ofSeconds(10), Duration.ofSeconds(30), false));
    }

    @Test
    void withPlentyOfTimeLeftTheConfiguredTimeoutsApply()
    {
        assertThat(TEN_AND_THIRTY.forCall(Optional.of(Duration.ofMinutes(14))))
                .isEqualTo(new CallTimeouts.Limit(Duration.ofSeconds(10), Duration.ofSeconds(30), false));
        assertThat(TEN_AND_THIRTY.forCall(Optional.of(Duration.ofSeconds(32))).byLambda()).isFalse();
    }

    @Test
    void aCallNeverOutlastsTheInvocationLessTheMargin()
    {
        assertThat(TEN_AND_THIRTY.forCall(Optional.of(Duration.ofSeconds(20))))
                .isEqualTo(new CallTimeouts.Limit(Duration.ofSeconds(10), Duration.ofSeconds(18), true));
        assertThat(TEN_AND_THIRTY.forCall(Optional.of(Duration.ofMillis(6500))))
                .isEqualTo(new CallTimeouts.Limit(Duration.ofMillis(4500), Duration.ofMillis(4500), true));
    }

    @Test
    void withAlmostNoTimeLeftACallStillGetsTheShortestBound()
    {
        assertThat(TEN_AND_THIRTY.forCall(Optional.of(Duration.ofMillis(1500))))
                .isEqualTo(new CallTimeouts.Limit(CallTimeouts.SHORTEST, CallTimeouts.SHORTEST, true));
        assertThat(TEN_AND_THIRTY.forCall(Optional.of(Duration.ofMillis(-5))).total()).isEqualTo(CallTimeouts.SHORTEST);
    }

    @Test
    void anAttemptCannotOutlastItsCall()
    {
        assertThatThrownBy(() -> new CallTimeouts(Duration.ofSeconds(31), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
