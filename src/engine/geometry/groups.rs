//! Groups of a convolution: which input channels feed which filters, and what a convolution
//! costs in parameters and multiply-adds.
//!
//! ```text
//! channels and filters split into `groups` equal groups, in order;
//! filter f is in group g = f / (filters / groups) and reads input channels
//!   g * (channels / groups) .. (g + 1) * (channels / groups)
//! depthwise: groups = channels; ordinary: groups = 1
//! ```

use crate::engine::error::{EngineError, Result};
use std::ops::Range;

/// How a convolution's channels and filters split into groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GroupLayout {
    /// Number of groups.
    pub groups: usize,
    /// Input channels, all groups together.
    pub channels: usize,
    /// Filters (output channels), all groups together.
    pub filters: usize,
}

impl GroupLayout {
    /// Checks that `groups` is at least 1 and divides both the channels and the filters.
    pub fn new(groups: usize, channels: usize, filters: usize) -> Result<Self> {
        if groups == 0 || !channels.is_multiple_of(groups) || !filters.is_multiple_of(groups) {
            return Err(EngineError::GroupsDoNotDivide {
                groups,
                channels,
                filters,
            });
        }
        Ok(GroupLayout {
            groups,
            channels,
            filters,
        })
    }

    /// Input channels each filter reads: `channels / groups`.
    pub fn channels_per_group(&self) -> usize {
        self.channels / self.groups
    }

    /// Filters in each group: `filters / groups`.
    pub fn filters_per_group(&self) -> usize {
        self.filters / self.groups
    }

    /// The group filter `filter` belongs to.
    pub fn group_of_filter(&self, filter: usize) -> usize {
        filter / self.filters_per_group()
    }

    /// The group input channel `channel` belongs to.
    pub fn group_of_channel(&self, channel: usize) -> usize {
        channel / self.channels_per_group()
    }

    /// The input channels of group `group`.
    pub fn channels_of_group(&self, group: usize) -> Range<usize> {
        let per = self.channels_per_group();
        group * per..(group + 1) * per
    }

    /// The filters of group `group`.
    pub fn filters_of_group(&self, group: usize) -> Range<usize> {
        let per = self.filters_per_group();
        group * per..(group + 1) * per
    }

    /// The input channels that feed filter `filter`: every other channel is outside its group.
    pub fn channels_of_filter(&self, filter: usize) -> Range<usize> {
        self.channels_of_group(self.group_of_filter(filter))
    }

    /// The filters that input channel `channel` feeds.
    pub fn filters_of_channel(&self, channel: usize) -> Range<usize> {
        self.filters_of_group(self.group_of_channel(channel))
    }

    /// Filter `filter`'s place inside its group, from 0: its slice of a transposed kernel.
    pub fn filter_in_group(&self, filter: usize) -> usize {
        filter % self.filters_per_group()
    }

    /// Input channel `channel`'s place inside its group, from 0: its slice of a grouped kernel.
    pub fn channel_in_group(&self, channel: usize) -> usize {
        channel % self.channels_per_group()
    }

    /// Whether every filter reads exactly one input channel of its own (groups = channels).
    pub fn is_depthwise(&self) -> bool {
        self.groups == self.channels
    }

    /// The same channels and filters in one group: the ordinary convolution of this shape.
    pub fn ungrouped(&self) -> GroupLayout {
        GroupLayout { groups: 1, ..*self }
    }

    /// What a convolution with these groups costs, with a `[k_h, k_w]` kernel, an
    /// `[out_h, out_w]` output and a bias or not.
    pub fn counts(
        &self,
        [k_h, k_w]: [usize; 2],
        [out_h, out_w]: [usize; 2],
        bias: bool,
    ) -> ConvCounts {
        let wide = |n: usize| n as u64;
        let weights = wide(self.filters) * wide(self.channels_per_group()) * wide(k_h) * wide(k_w);
        ConvCounts {
            weights,
            biases: if bias { wide(self.filters) } else { 0 },
            multiply_adds: weights * wide(out_h) * wide(out_w),
        }
    }
}

/// The parameters and the work of a convolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ConvCounts {
    /// Weights: `filters × channels/groups × k_h × k_w`.
    pub weights: u64,
    /// Bias values: one per filter, or none.
    pub biases: u64,
    /// Multiply-adds for the whole output: `weights × out_h × out_w` (each output value of a
    /// filter multiplies each of its weights once, padding included).
    pub multiply_adds: u64,
}

impl ConvCounts {
    /// Weights and biases together.
    pub fn parameters(&self) -> u64 {
        self.weights + self.biases
    }
}

impl std::ops::Add for ConvCounts {
    type Output = ConvCounts;

    /// The counts of two stages together, as a depthwise-separable block adds its two.
    fn add(self, other: ConvCounts) -> ConvCounts {
        ConvCounts {
            weights: self.weights + other.weights,
            biases: self.biases + other.biases,
            multiply_adds: self.multiply_adds + other.multiply_adds,
        }
    }
}
