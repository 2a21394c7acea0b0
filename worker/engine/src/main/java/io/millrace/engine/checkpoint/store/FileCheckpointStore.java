package io.millrace.engine.checkpoint.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A checkpoint store in a local (or mounted) directory. Writes go to a temporary file in the target
 * folder and are then renamed, so readers never see a partial object.
 */
public final class FileCheckpointStore implements CheckpointStore {

  private static final String TEMP_SUFFIX = ".inprogress";

  private final Path root;

  public FileCheckpointStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create checkpoint directory " + this.root, e);
    }
  }

  @Override
  public URI uri() {
    return root.toUri();
  }

  private Path resolve(String path) {
    return root.resolve(StorePaths.object(path));
  }

  @Override
  public void put(String path, byte[] data) throws IOException {
    Path target = resolve(path);
    Path temp = tempFor(target);
    Files.write(temp, data);
    commit(temp, target);
  }

  @Override
  public void putFile(String path, Path source) throws IOException {
    Path target = resolve(path);
    Path temp = tempFor(target);
    Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
    commit(temp, target);
  }

  private static Path tempFor(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
  }

  private static void commit(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public byte[] get(String path) throws IOException {
    return Files.readAllBytes(resolve(path));
  }

  @Override
  public InputStream open(String path) throws IOException {
    return Files.newInputStream(resolve(path));
  }

  @Override
  public void getFile(String path, Path target) throws IOException {
    Path source = resolve(path);
    if (!Files.exists(source)) {
      throw new NoSuchFileException(source.toString());
    }
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public boolean exists(String path) {
    return Files.isRegularFile(resolve(path));
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    String p = StorePaths.prefix(prefix);
    Path folder = p.isEmpty() ? root : root.resolve(p.substring(0, p.length() - 1));
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().endsWith(TEMP_SUFFIX))
          .forEach(f -> out.add(root.relativize(f).toString().replace('\\', '/')));
    }
    out.sort(null);
    return out;
  }

  @Override
  public void delete(String path) throws IOException {
    Files.deleteIfExists(resolve(path));
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String toString() {
    return "FileCheckpointStore[" + root + "]";
  }
}
