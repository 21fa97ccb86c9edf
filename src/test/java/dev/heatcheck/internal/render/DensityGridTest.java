package dev.heatcheck.internal.render;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;

import org.testng.annotations.Test;

public class DensityGridTest {

  @Test
  public void counts_points_off_the_page_as_outside_and_not_in_total() {
    DensityGrid grid = new DensityGrid(800, 600);

    grid.add(0, 0);
    grid.add(799.9, 599.9);
    grid.add(-0.1, 10);
    grid.add(800, 10);
    grid.add(10, 600);
    grid.add(Double.NaN, 10);
    grid.add(10, Double.POSITIVE_INFINITY);

    assertEquals(grid.total(), 2);
    assertEquals(grid.outside(), 5);
  }

  @Test
  public void keeps_its_page_size() {
    DensityGrid grid = new DensityGrid(1280, 7000);

    assertEquals(grid.width(), 1280);
    assertEquals(grid.height(), 7000);
  }

  @Test
  public void keeps_the_whole_weight_of_every_point_including_on_the_edges() {
    DensityGrid grid = new DensityGrid(801, 601);
    double[][] points = {{0, 0}, {800.9, 600.9}, {0, 600}, {123.4, 456.7}, {400, 300}};

    for (double[] point : points) {
      grid.add(point[0], point[1]);
    }

    double sum = 0;
    for (float cell : grid.cells()) {
      sum += cell;
    }
    assertEquals(sum, points.length, 1e-4);
  }

  @Test
  public void uses_one_cell_per_two_pixels_however_many_points_arrive() {
    DensityGrid grid = new DensityGrid(801, 600);

    for (int i = 0; i < 100_000; i++) {
      grid.add(i % 801, i % 600);
    }

    assertEquals(grid.columns(), 401);
    assertEquals(grid.rows(), 300);
    assertEquals(grid.cells().length, 401 * 300);
    assertEquals(grid.total(), 100_000);
  }

  @Test
  public void refuses_an_empty_page() {
    assertThrows(IllegalArgumentException.class, () -> new DensityGrid(0, 600));
    assertThrows(IllegalArgumentException.class, () -> new DensityGrid(800, -1));
  }
}
