package io.github.assistantsplatform.avatar.image;

import io.github.assistantsplatform.api.error.ApiException;
import io.github.assistantsplatform.api.error.ErrorCode;

/** The bytes are not an avatar we accept; the message says why, in words a client can act on. */
public class InvalidImageException extends ApiException {
    public InvalidImageException(String message) {
        super(ErrorCode.INVALID_FILE_TYPE, message);
    }
}
