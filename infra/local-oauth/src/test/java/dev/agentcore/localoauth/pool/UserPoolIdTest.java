package dev.agentcore.localoauth.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserPoolIdTest {

    @Test
    void theRegionComesFromTheId() {
        assertThat(UserPoolId.of("us-east-1_AbCdEf123").region()).isEqualTo("us-east-1");
        assertThat(UserPoolId.of("ap-southeast-2_x9").region()).isEqualTo("ap-southeast-2");
        assertThat(UserPoolId.of("us-gov-west-1_Q1").region()).isEqualTo("us-gov-west-1");
    }

    @Test
    void aDomainPrefixIsNotAPoolId() {
        assertThat(UserPoolId.isValid("agentcore-123456789012")).isFalse();
        assertThat(UserPoolId.isValid("us-east-1_")).isFalse();
        assertThatThrownBy(() -> UserPoolId.of("my-pool")).hasMessageContaining("not a user pool id: 'my-pool'");
    }
}
