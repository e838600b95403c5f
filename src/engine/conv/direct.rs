//! The inner loops of the full forward: blocks of output columns for a group of filters, their
//! sums held in registers while every tap is added.
//!
//! The loops are written once, over [`BlockSums`]. Plain `f32` sums serve every target; on x86-64
//! they are compiled a second time for AVX2 (picked at run time), and on WebAssembly with SIMD
//! the sums are 128-bit vectors, because the size-optimised build does not vectorise by itself.
//! No version fuses multiply and add or reorders a sum, so all of them round the same way.

use super::PaddedInput;
use crate::engine::geometry::WindowLayout;

/// Output columns computed together.
pub(super) const BLOCK: usize = 16;
/// Filters computed together, sharing every tap read.
pub(super) const FILTERS: usize = 4;

/// Up to [`FILTERS`] output planes (`out_h × out_w` each, one after another in `out`) from the
/// filters' weights in tap order, over the input channels from `first_channel` on.
pub(super) fn filter_planes(
    input: &PaddedInput,
    layout: &WindowLayout,
    first_channel: usize,
    weights: &[[f32; FILTERS]],
    bias: [f32; FILTERS],
    out: &mut [f32],
) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2, checked just above.
            unsafe { filter_planes_avx2(input, layout, first_channel, weights, bias, out) };
            return;
        }
    }
    filter_planes_with::<Sums>(input, layout, first_channel, weights, bias, out);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn filter_planes_avx2(
    input: &PaddedInput,
    layout: &WindowLayout,
    first_channel: usize,
    weights: &[[f32; FILTERS]],
    bias: [f32; FILTERS],
    out: &mut [f32],
) {
    filter_planes_with::<Sums>(input, layout, first_channel, weights, bias, out);
}

/// The running sums of one block: [`FILTERS`] × [`BLOCK`] values.
trait BlockSums: Copy {
    const ZERO: Self;
    /// Adds `tap × weight` to every sum: each filter's weight times each column's tap.
    fn add_products(&mut self, taps: &[f32; BLOCK], weights: &[f32; FILTERS]);
    /// Adds another block's sums, sum by sum.
    fn add(&mut self, other: &Self);
    /// The sums as plain numbers, one row per filter.
    fn values(&self) -> [[f32; BLOCK]; FILTERS];
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
type Sums = [[f32; BLOCK]; FILTERS];
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
type Sums = simd128::Sums;

impl BlockSums for [[f32; BLOCK]; FILTERS] {
    const ZERO: Self = [[0.0; BLOCK]; FILTERS];

    #[inline(always)]
    fn add_products(&mut self, taps: &[f32; BLOCK], weights: &[f32; FILTERS]) {
        // Copies first, so the compiler knows the taps cannot alias the sums.
        let (taps, weights) = (*taps, *weights);
        for (sums, weight) in self.iter_mut().zip(weights) {
            for (sum, &x) in sums.iter_mut().zip(&taps) {
                *sum += x * weight;
            }
        }
    }

    #[inline(always)]
    fn add(&mut self, other: &Self) {
        for (sums, others) in self.iter_mut().zip(other) {
            for (sum, &part) in sums.iter_mut().zip(others) {
                *sum += part;
            }
        }
    }

    #[inline(always)]
    fn values(&self) -> [[f32; BLOCK]; FILTERS] {
        *self
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd128 {
    //! Block sums as WebAssembly 128-bit vectors: four columns per vector. Every index is a
    //! constant, so the size-optimised build keeps the sums in locals instead of memory.
    use super::{BLOCK, BlockSums, FILTERS};
    use core::arch::wasm32::{
        f32x4, f32x4_add, f32x4_extract_lane, f32x4_mul, f32x4_splat, v128, v128_load,
    };

    const VECTORS: usize = BLOCK / 4;

    #[derive(Clone, Copy)]
    pub(super) struct Sums([[v128; VECTORS]; FILTERS]);

    /// Calls `$body` once for every filter `$f` and vector `$v`, each a literal.
    macro_rules! each_sum {
        ($f:ident, $v:ident, $body:expr) => {
            each_sum!(@filter $f, $v, $body, 0);
            each_sum!(@filter $f, $v, $body, 1);
            each_sum!(@filter $f, $v, $body, 2);
            each_sum!(@filter $f, $v, $body, 3);
        };
        (@filter $f:ident, $v:ident, $body:expr, $filter:literal) => {
            each_sum!(@sum $f, $v, $body, $filter, 0);
            each_sum!(@sum $f, $v, $body, $filter, 1);
            each_sum!(@sum $f, $v, $body, $filter, 2);
            each_sum!(@sum $f, $v, $body, $filter, 3);
        };
        (@sum $f:ident, $v:ident, $body:expr, $filter:literal, $vector:literal) => {{
            let ($f, $v): (usize, usize) = ($filter, $vector);
            $body;
        }};
    }

    const _: () = assert!(
        FILTERS == 4 && VECTORS == 4,
        "each_sum! spells out 4 × 4 sums"
    );

    impl BlockSums for Sums {
        const ZERO: Self = Sums([[f32x4(0.0, 0.0, 0.0, 0.0); VECTORS]; FILTERS]);

        #[inline(always)]
        fn add_products(&mut self, taps: &[f32; BLOCK], weights: &[f32; FILTERS]) {
            let taps = taps.as_ptr();
            // SAFETY: `taps` holds BLOCK = 4 × VECTORS values, so each load of four stays inside.
            let taps: [v128; VECTORS] = unsafe {
                [
                    v128_load(taps.cast()),
                    v128_load(taps.add(4).cast()),
                    v128_load(taps.add(8).cast()),
                    v128_load(taps.add(12).cast()),
                ]
            };
            let [w0, w1, w2, w3] = *weights;
            let weights = [
                f32x4_splat(w0),
                f32x4_splat(w1),
                f32x4_splat(w2),
                f32x4_splat(w3),
            ];
            each_sum!(
                f,
                v,
                self.0[f][v] = f32x4_add(self.0[f][v], f32x4_mul(taps[v], weights[f]))
            );
        }

        #[inline(always)]
        fn add(&mut self, other: &Self) {
            each_sum!(f, v, self.0[f][v] = f32x4_add(self.0[f][v], other.0[f][v]));
        }

        #[inline(always)]
        fn values(&self) -> [[f32; BLOCK]; FILTERS] {
            let mut values = [[0.0; BLOCK]; FILTERS];
            each_sum!(f, v, {
                let sum = self.0[f][v];
                values[f][4 * v] = f32x4_extract_lane::<0>(sum);
                values[f][4 * v + 1] = f32x4_extract_lane::<1>(sum);
                values[f][4 * v + 2] = f32x4_extract_lane::<2>(sum);
                values[f][4 * v + 3] = f32x4_extract_lane::<3>(sum);
            });
            values
        }
    }
}

/// Stride 1 is the common case; making it a compile-time choice keeps the strided branch out of
/// the inner loop, so the block's sums stay in registers.
#[inline(always)]
fn filter_planes_with<S: BlockSums>(
    input: &PaddedInput,
    layout: &WindowLayout,
    first_channel: usize,
    weights: &[[f32; FILTERS]],
    bias: [f32; FILTERS],
    out: &mut [f32],
) {
    if layout.columns.stride == 1 {
        filter_planes_strided::<true, S>(input, layout, first_channel, weights, bias, out);
    } else {
        filter_planes_strided::<false, S>(input, layout, first_channel, weights, bias, out);
    }
}

#[inline(always)]
fn filter_planes_strided<const UNIT_STRIDE: bool, S: BlockSums>(
    input: &PaddedInput,
    layout: &WindowLayout,
    first_channel: usize,
    weights: &[[f32; FILTERS]],
    bias: [f32; FILTERS],
    out: &mut [f32],
) {
    let (rows, columns) = (&layout.rows, &layout.columns);
    let [k_h, k_w] = layout.kernel();
    let taps_per_channel = (k_h * k_w).max(1);
    let (out_h, out_w) = (rows.output, columns.output);
    let plane = (out_h * out_w).max(1);
    let planes = out.len() / plane;
    for oh in 0..out_h {
        for block in 0..out_w.div_ceil(BLOCK) {
            let first = block * BLOCK * columns.stride;
            let mut total = S::ZERO;
            for (channel, channel_weights) in weights.chunks_exact(taps_per_channel).enumerate() {
                let mut partial = S::ZERO;
                for (kh, row_weights) in channel_weights.chunks_exact(k_w.max(1)).enumerate() {
                    let row = input.row(first_channel + channel, rows.padded_cell(oh, kh));
                    for (kw, tap_weights) in row_weights.iter().enumerate() {
                        let start = first + kw * columns.dilation;
                        if UNIT_STRIDE {
                            partial.add_products(block_at(row, start), tap_weights);
                        } else {
                            let taps = std::array::from_fn(|i| {
                                row.get(start + i * columns.stride).copied().unwrap_or(0.0)
                            });
                            partial.add_products(&taps, tap_weights);
                        }
                    }
                }
                total.add(&partial);
            }
            let columns_here = (out_w - block * BLOCK).min(BLOCK);
            for (filter, (total, bias)) in total.values().iter().zip(bias).enumerate().take(planes)
            {
                let at = filter * plane + oh * out_w + block * BLOCK;
                for (out, &sum) in out[at..at + columns_here].iter_mut().zip(total) {
                    *out = sum + bias;
                }
            }
        }
    }
}

/// `BLOCK` contiguous taps from `start`; the padded input is wide enough that they exist.
#[inline(always)]
fn block_at(row: &[f32], start: usize) -> &[f32; BLOCK] {
    const ZEROS: [f32; BLOCK] = [0.0; BLOCK];
    row.get(start..start + BLOCK)
        .and_then(|taps| taps.try_into().ok())
        .unwrap_or(&ZEROS)
}
