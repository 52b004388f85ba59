package io.stepwise.account;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwoFactorSettings.class)
class TwoFactorConfiguration {

}
