package io.github.assistantsplatform.avatar.storage;

import io.github.assistantsplatform.support.web.DependencyUnavailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
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

    /** Part of readiness: a replica that cannot reach S3 can neither serve nor take an avatar. */
    @Bean
    HealthIndicator avatarStorageHealthIndicator(AvatarStorage storage) {
        return () -> {
            try {
                return Health.up()
                        .withDetail("bucket_exists", storage.bucketExists())
                        .build();
            } catch (AvatarStorage.StorageException e) {
                return Health.down()
                        .withDetail("reason", "S3 cannot be reached")
                        .build();
            }
        };
    }
}
