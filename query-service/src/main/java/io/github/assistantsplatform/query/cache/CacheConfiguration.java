package io.github.assistantsplatform.query.cache;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SemanticCacheProperties.class)
class CacheConfiguration {}
