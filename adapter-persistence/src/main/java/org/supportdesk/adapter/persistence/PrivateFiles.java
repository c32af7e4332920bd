package org.supportdesk.adapter.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files of secrets (generated passwords and keys): readable by their owner only (0600) from the moment they exist, and
 * written whole or not at all. The content goes to a private temporary file beside the target, reaches the disk, and
 * only then takes the target's name; so a crash or a second process starting at the same moment never sees an empty
 * or half-written secret, and no other account can read it for an instant.
 */
public final class PrivateFiles {
    private PrivateFiles() {}

    /** Writes {@code content} as {@code file}, replacing what was there. */
    public static void write(Path file, String content) throws IOException {
        Path written = written(file, content);
        try {
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * Writes {@code content} as {@code file} unless it exists; answers whether this call wrote it (false: someone
     * else's file, complete, is there).
     */
    public static boolean createIfAbsent(Path file, String content) throws IOException {
        Path written = written(file, content);
        try {
            Files.createLink(file, written); // fails, atomically, if the name is taken
            return true;
        } catch (FileAlreadyExistsException anotherWasFaster) {
            return false;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static Path written(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(
                directory,
                "." + file.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }
}
