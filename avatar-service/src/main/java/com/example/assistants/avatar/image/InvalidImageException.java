package com.example.assistants.avatar.image;

/** The bytes are not an avatar we accept; the message says why, in words a client can act on. */
public class InvalidImageException extends RuntimeException {
    public InvalidImageException(String message) {
        super(message);
    }
}
