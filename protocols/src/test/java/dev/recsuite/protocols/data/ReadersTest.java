package dev.recsuite.protocols.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void mmrecKeepsNumericIdsAndReadsLabels() throws IOException {
    Path f = write("x.inter", "userID\titemID\trating\ttimestamp\tx_label\n0\t3\t5\t100\t0\n1\t0\t4\t90\t2\n0\t1\t3\t50\t1\n");
    Dataset d = MmrecInterReader.read("x", f, Map.of());
    assertEquals(2, d.nUsers());
    assertEquals(4, d.nItems()); // max id + 1, as MMRec
    assertEquals(Chronology.TIMESTAMPS, d.chronology());
    assertArrayEquals(new int[] {2, 0}, d.userRows(0)); // by timestamp: row 2 (t=50) before row 0 (t=100)
    assertEquals(2, d.label(1));
  }

  @Test
  void mmrecWithoutTimestampsHasNoChronology() throws IOException {
    Path f = write("b.inter", "userID\titemID\tx_label\n0\t0\t0\n0\t1\t2\n");
    Dataset d = MmrecInterReader.read("b", f, Map.of());
    assertEquals(Chronology.NONE, d.chronology());
    assertTrue(d.hasLabels());
  }

  @Test
  void mmrecRejectsNonNumericIdWithLine() throws IOException {
    Path f = write("bad.inter", "userID\titemID\tx_label\n0\t0\t0\nu7\t1\t0\n");
    var e = assertThrows(DataFormatException.class, () -> MmrecInterReader.read("b", f, Map.of()));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("bad.inter:3") && e.getMessage().contains("userID must be an integer")
        && e.getMessage().contains("'u7'"), e.getMessage());
  }

  @Test
  void mmrecRejectsWrongFieldCountAndBadLabel() throws IOException {
    Path f = write("c.inter", "userID\titemID\tx_label\n0\t0\n");
    var e = assertThrows(DataFormatException.class, () -> MmrecInterReader.read("c", f, Map.of()));
    assertTrue(e.getMessage().contains("c.inter:2: expected 3 tab-separated fields"), e.getMessage());
    Path g = write("d.inter", "userID\titemID\tx_label\n0\t0\t7\n");
    var e2 = assertThrows(DataFormatException.class, () -> MmrecInterReader.read("d", g, Map.of()));
    assertTrue(e2.getMessage().contains("x_label must be 0 (train), 1 (valid) or 2 (test)"), e2.getMessage());
  }

  @Test
  void mmrecRejectsFeatureFileWithWrongRowCount() throws IOException {
    Path f = write("e.inter", "userID\titemID\tx_label\n0\t0\t0\n0\t1\t0\n1\t2\t0\n");
    Path npy = dir.resolve("image_feat.npy");
    Npy.write(npy, new FeatureMatrix(2, 4, new float[8])); // 2 rows, 3 items
    var e = assertThrows(DataFormatException.class, () -> MmrecInterReader.read("e", f, Map.of("image", npy)));
    assertTrue(e.getMessage().contains("image_feat.npy") && e.getMessage().contains("has 2 rows but the dataset has 3 items"),
        e.getMessage());
    Npy.write(npy, new FeatureMatrix(3, 4, new float[12]));
    assertEquals(4, MmrecInterReader.read("e", f, Map.of("image", npy)).feature("image").cols());
  }

  @Test
  void recboleReadsTypedHeaderAndItemText() throws IOException {
    Path inter = write("m.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float\n196\t242\t3\t881250949\n186\t302\t3.5\t891717742.0\n");
    Path item = write("m.item", "item_id:token\tmovie_title:token_seq\trelease_year:token\n242\tKolya\t1996\n999\tUnused\t1990\n");
    Dataset d = RecBoleAtomicReader.read("m", inter, item);
    assertEquals(2, d.nUsers());
    assertEquals(891717742L, d.timestamp(1));
    assertEquals(3.5f, d.rating(1));
    assertEquals("Kolya", d.itemText().get("movie_title")[0]);
    assertEquals("", d.itemText().get("movie_title")[1]); // item 302 has no .item row
  }

  @Test
  void recboleRejectsUntypedHeader() throws IOException {
    Path inter = write("n.inter", "user_id\titem_id\n1\t2\n");
    var e = assertThrows(DataFormatException.class, () -> RecBoleAtomicReader.read("n", inter, null));
    assertTrue(e.getMessage().contains("n.inter:1") && e.getMessage().contains("must be name:type"), e.getMessage());
  }

  @Test
  void s3recSequencesAreOrderedByPosition() throws IOException {
    Path f = write("Beauty.txt", "1 10 11 12\n2 11 13\n");
    Dataset d = SequenceFileReader.readS3Rec("s", f);
    assertEquals(Chronology.ORDERED, d.chronology());
    assertEquals(5, d.nInteractions());
    int[] rows = d.userRows(0);
    assertEquals("10", d.itemKey(d.item(rows[0])));
    assertEquals("12", d.itemKey(d.item(rows[2])));
  }

  @Test
  void sequenceReadersRejectNonIntegerIds() throws IOException {
    Path f = write("bad.txt", "1 10 x11\n");
    var e = assertThrows(DataFormatException.class, () -> SequenceFileReader.readS3Rec("s", f));
    assertTrue(e.getMessage().contains("bad.txt:1") && e.getMessage().contains("'x11'"), e.getMessage());
    Path g = write("pairs.txt", "1 10\n1 11 12\n");
    var e2 = assertThrows(DataFormatException.class, () -> SequenceFileReader.readSasRec("s", g));
    assertTrue(e2.getMessage().contains("pairs.txt:2: expected 'user item'"), e2.getMessage());
  }

  @Test
  void sasrecPairsKeepFileOrderPerUser() throws IOException {
    Path f = write("v.txt", "1 5\n2 6\n1 7\n");
    Dataset d = SequenceFileReader.readSasRec("v", f);
    int[] rows = d.userRows(0);
    assertEquals("5", d.itemKey(d.item(rows[0])));
    assertEquals("7", d.itemKey(d.item(rows[1])));
  }

  @Test
  void movieLensUDataAndRatingsCsv() throws IOException {
    Path u = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
    Dataset d = MovieLensReader.readUData("ml", u);
    assertEquals(2, d.nInteractions());
    assertEquals(Chronology.TIMESTAMPS, d.chronology());
    Path r = write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n");
    Dataset c = MovieLensReader.readRatingsCsv("mls", r);
    assertArrayEquals(new int[] {1, 0}, c.userRows(0)); // 964981247 < 964982703
  }

  @Test
  void csvHandlesQuotingAndReportsMissingColumns() throws IOException {
    Path f = write("x.csv", "user;item;note\n\"a;1\";i1;\"x\"\nb;i2;y\n");
    Dataset d = new CsvInteractionReader(';', "user", "item", null, null).read("x", f);
    assertEquals("a;1", d.userKey(0));
    assertEquals(Chronology.NONE, d.chronology());
    var e = assertThrows(DataFormatException.class, () -> new CsvInteractionReader(';', "user", "item", "rating", null).read("x", f));
    assertTrue(e.getMessage().contains("no column 'rating'"), e.getMessage());
  }

  @Test
  void uDataRejectsBadRatingWithLine() throws IOException {
    Path u = write("u2.data", "196\t242\t3\t881250949\n186\t302\tthree\t891717742\n");
    var e = assertThrows(DataFormatException.class, () -> MovieLensReader.readUData("ml", u));
    assertTrue(e.getMessage().contains("u2.data:2: rating must be a finite number"), e.getMessage());
  }

  @Test
  void itemTextFileMapsByExternalId() throws IOException {
    Path u = write("u3.data", "1\t20\t3\t1\n1\t10\t3\t2\n");
    Dataset d = MovieLensReader.readUData("ml", u);
    Path t = write("items.tsv", "itemID\ttitle\n10\tTen\n20\tTwenty\n30\tUnrated\n");
    var text = ItemTextFile.read(t, d);
    assertEquals("Twenty", text.get("title")[0]); // item "20" appeared first
    assertEquals("Ten", text.get("title")[1]);
  }
}
