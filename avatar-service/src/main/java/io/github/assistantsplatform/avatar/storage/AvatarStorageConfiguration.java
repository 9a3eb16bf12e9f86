package io.github.assistantsplatform.avatar.storage;

import io.github.assistantsplatform.support.web.DependencyUnavailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AvatarStorage.S3Properties.class)
class AvatarStorageConfiguration {

    @Bean
    AvatarStorage avatarStorage(AvatarStorage.S3Properties properties) {
        return new AvatarStorage(properties);
    }

    /** Any failure of the object store is answered 503: nothing was recorded, the client may retry. */
    @Bean
    DependencyUnavailability objectStorageUnavailable() {
        return failure -> failure instanceof AvatarStorage.StorageException;
    }
}
