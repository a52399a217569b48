package dev.recsuite.protocols.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers from NumPy 2.4.6 fixtures (see src/test/resources/npy/README.md). */
class NpyTest {
  static Path fixture(String name) {
    try {
      return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static float[] expected() {
    float[] a = new float[12];
    for (int k = 0; k < 12; k++) {
      a[k] = (k + 0.25f) / 8f; // exact in float32
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(strings = {"f4_v1.npy", "f4_v2.npy", "f4_v3.npy", "f8_v1.npy"})
  void readsNumpyFilesOfEveryVersionAndFloatType(String name) {
    FeatureMatrix m = Npy.read(fixture(name));
    assertEquals(3, m.rows());
    assertEquals(4, m.cols());
    assertArrayEquals(expected(), m.data());
  }

  @Test
  void writeThenReadRoundTrips(@TempDir Path dir) {
    FeatureMatrix m = new FeatureMatrix(3, 4, expected());
    Path f = dir.resolve("x.npy");
    Npy.write(f, m);
    assertArrayEquals(m.data(), Npy.read(f).data());
  }

  @Test
  void writtenHeaderIsAlignedLikeNumpys() throws Exception {
    // NumPy pads the preamble + header to a multiple of 64 bytes; our file for the same shape must be byte-equal.
    Path dir = java.nio.file.Files.createTempDirectory("npy");
    Path f = dir.resolve("x.npy");
    Npy.write(f, new FeatureMatrix(3, 4, expected()));
    assertArrayEquals(java.nio.file.Files.readAllBytes(fixture("f4_v1.npy")), java.nio.file.Files.readAllBytes(f));
  }

  @Test
  void rejectsFortranOrderNamingTheFile() {
    var e = assertThrows(DataFormatException.class, () -> Npy.read(fixture("fortran.npy")));
    assertTrue(e.getMessage().contains("fortran.npy") && e.getMessage().contains("Fortran"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"int32.npy", "bigendian.npy"})
  void rejectsOtherDtypes(String name) {
    var e = assertThrows(DataFormatException.class, () -> Npy.read(fixture(name)));
    assertTrue(e.getMessage().contains(name) && e.getMessage().contains("unsupported dtype"), e.getMessage());
  }

  @Test
  void rejectsThreeDimensions() {
    var e = assertThrows(DataFormatException.class, () -> Npy.read(fixture("threed.npy")));
    assertTrue(e.getMessage().contains("2-D"), e.getMessage());
  }

  @Test
  void rejectsTruncatedDataWithBothSizes() {
    var e = assertThrows(DataFormatException.class, () -> Npy.read(fixture("truncated.npy")));
    assertTrue(e.getMessage().contains("truncated.npy") && e.getMessage().contains("needs 48 bytes")
        && e.getMessage().contains("has 43"), e.getMessage());
  }

  @Test
  void rejectsNonNpyBytes() {
    var e = assertThrows(DataFormatException.class, () -> Npy.parse(Path.of("x.npy"), "hello world, not npy".getBytes()));
    assertTrue(e.getMessage().contains("magic"), e.getMessage());
  }
}
