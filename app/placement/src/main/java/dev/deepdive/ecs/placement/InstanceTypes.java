package dev.deepdive.ecs.placement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The EC2 instance types this tool knows, with what the ECS scheduler needs of each: one table, one row per type.
 *
 * <p>Columns: type, vCPUs, installed memory in MiB (GiB x 1024), NVIDIA GPUs, maximum network interfaces (the
 * primary one included), architecture; lines starting with {@code #} head a group and name its page. Sources, per
 * column:
 * <ul>
 *   <li>vCPUs, memory, GPUs and architecture (AWS Graviton processors are arm64): the specification tables of the
 *       Amazon EC2 Instance Types guide: general purpose
 *       https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html, compute optimized
 *       https://docs.aws.amazon.com/ec2/latest/instancetypes/co.html, memory optimized
 *       https://docs.aws.amazon.com/ec2/latest/instancetypes/mo.html, accelerated computing
 *       https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html, previous generation (m4, c4, r4)
 *       https://docs.aws.amazon.com/ec2/latest/instancetypes/pg.html;</li>
 *   <li>network interfaces: the "Network specifications" tables of the same pages (DescribeInstanceTypes'
 *       {@code NetworkInfo.MaximumNetworkInterfaces}), checked against the table the Amazon VPC CNI generates
 *       from DescribeInstanceTypes (aws/amazon-vpc-cni-k8s, {@code pkg/vpc/vpc_ip_resource_limit.go}). Where a
 *       type has several network cards the figure is card 0's, the card ECS attaches task interfaces to.</li>
 * </ul>
 * Deliberately not here: families the ECS-optimized Amazon Linux AMIs do not serve well (Mac, Inferentia,
 * Trainium, high-memory u-*), storage-optimized and HPC families, and the generation-8 families, whose network
 * interface counts differ by size from the pattern above. A type missing from the table is an error
 * ({@link #require}), never a guess: add its row, with the figures from the pages above.
 */
public final class InstanceTypes {
  //        type            vCPU  MiB     GPU ENI  architecture
  private static final String TABLE = """
      # Burstable general purpose (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html)
      t2.nano            1      512  0   2  x86_64
      t2.micro           1     1024  0   2  x86_64
      t2.small           1     2048  0   3  x86_64
      t2.medium          2     4096  0   3  x86_64
      t2.large           2     8192  0   3  x86_64
      t2.xlarge          4    16384  0   3  x86_64
      t2.2xlarge         8    32768  0   3  x86_64
      t3.nano            2      512  0   2  x86_64
      t3.micro           2     1024  0   2  x86_64
      t3.small           2     2048  0   3  x86_64
      t3.medium          2     4096  0   3  x86_64
      t3.large           2     8192  0   3  x86_64
      t3.xlarge          4    16384  0   4  x86_64
      t3.2xlarge         8    32768  0   4  x86_64
      t3a.nano           2      512  0   2  x86_64
      t3a.micro          2     1024  0   2  x86_64
      t3a.small          2     2048  0   2  x86_64
      t3a.medium         2     4096  0   3  x86_64
      t3a.large          2     8192  0   3  x86_64
      t3a.xlarge         4    16384  0   4  x86_64
      t3a.2xlarge        8    32768  0   4  x86_64
      t4g.nano           2      512  0   2  arm64
      t4g.micro          2     1024  0   2  arm64
      t4g.small          2     2048  0   3  arm64
      t4g.medium         2     4096  0   3  arm64
      t4g.large          2     8192  0   3  arm64
      t4g.xlarge         4    16384  0   4  arm64
      t4g.2xlarge        8    32768  0   4  arm64
      # General purpose, Graviton first generation (gp.html)
      a1.medium          1     2048  0   2  arm64
      a1.large           2     4096  0   3  arm64
      a1.xlarge          4     8192  0   4  arm64
      a1.2xlarge         8    16384  0   4  arm64
      a1.4xlarge        16    32768  0   8  arm64
      a1.metal          16    32768  0   8  arm64
      # Previous generation, Xen (https://docs.aws.amazon.com/ec2/latest/instancetypes/pg.html)
      m4.large           2     8192  0   2  x86_64
      m4.xlarge          4    16384  0   4  x86_64
      m4.2xlarge         8    32768  0   4  x86_64
      m4.4xlarge        16    65536  0   8  x86_64
      m4.10xlarge       40   163840  0   8  x86_64
      m4.16xlarge       64   262144  0   8  x86_64
      c4.large           2     3840  0   3  x86_64
      c4.xlarge          4     7680  0   4  x86_64
      c4.2xlarge         8    15360  0   4  x86_64
      c4.4xlarge        16    30720  0   8  x86_64
      c4.8xlarge        36    61440  0   8  x86_64
      r4.large           2    15616  0   3  x86_64
      r4.xlarge          4    31232  0   4  x86_64
      r4.2xlarge         8    62464  0   4  x86_64
      r4.4xlarge        16   124928  0   8  x86_64
      r4.8xlarge        32   249856  0   8  x86_64
      r4.16xlarge       64   499712  0  15  x86_64
      # General purpose (gp.html); 4 GiB per vCPU
      m5.large           2     8192  0   3  x86_64
      m5.xlarge          4    16384  0   4  x86_64
      m5.2xlarge         8    32768  0   4  x86_64
      m5.4xlarge        16    65536  0   8  x86_64
      m5.8xlarge        32   131072  0   8  x86_64
      m5.12xlarge       48   196608  0   8  x86_64
      m5.16xlarge       64   262144  0  15  x86_64
      m5.24xlarge       96   393216  0  15  x86_64
      m5.metal          96   393216  0  15  x86_64
      m5a.large          2     8192  0   3  x86_64
      m5a.xlarge         4    16384  0   4  x86_64
      m5a.2xlarge        8    32768  0   4  x86_64
      m5a.4xlarge       16    65536  0   8  x86_64
      m5a.8xlarge       32   131072  0   8  x86_64
      m5a.12xlarge      48   196608  0   8  x86_64
      m5a.16xlarge      64   262144  0  15  x86_64
      m5a.24xlarge      96   393216  0  15  x86_64
      m5d.large          2     8192  0   3  x86_64
      m5d.xlarge         4    16384  0   4  x86_64
      m5d.2xlarge        8    32768  0   4  x86_64
      m5d.4xlarge       16    65536  0   8  x86_64
      m5d.8xlarge       32   131072  0   8  x86_64
      m5d.12xlarge      48   196608  0   8  x86_64
      m5d.16xlarge      64   262144  0  15  x86_64
      m5d.24xlarge      96   393216  0  15  x86_64
      m5d.metal         96   393216  0  15  x86_64
      m5zn.large         2     8192  0   3  x86_64
      m5zn.xlarge        4    16384  0   4  x86_64
      m5zn.2xlarge       8    32768  0   4  x86_64
      m5zn.3xlarge      12    49152  0   8  x86_64
      m5zn.6xlarge      24    98304  0   8  x86_64
      m5zn.12xlarge     48   196608  0  15  x86_64
      m5zn.metal        48   196608  0  15  x86_64
      m6i.large          2     8192  0   3  x86_64
      m6i.xlarge         4    16384  0   4  x86_64
      m6i.2xlarge        8    32768  0   4  x86_64
      m6i.4xlarge       16    65536  0   8  x86_64
      m6i.8xlarge       32   131072  0   8  x86_64
      m6i.12xlarge      48   196608  0   8  x86_64
      m6i.16xlarge      64   262144  0  15  x86_64
      m6i.24xlarge      96   393216  0  15  x86_64
      m6i.32xlarge     128   524288  0  15  x86_64
      m6i.metal        128   524288  0  15  x86_64
      m6a.large          2     8192  0   3  x86_64
      m6a.xlarge         4    16384  0   4  x86_64
      m6a.2xlarge        8    32768  0   4  x86_64
      m6a.4xlarge       16    65536  0   8  x86_64
      m6a.8xlarge       32   131072  0   8  x86_64
      m6a.12xlarge      48   196608  0   8  x86_64
      m6a.16xlarge      64   262144  0  15  x86_64
      m6a.24xlarge      96   393216  0  15  x86_64
      m6a.32xlarge     128   524288  0  15  x86_64
      m6a.48xlarge     192   786432  0  15  x86_64
      m6a.metal        192   786432  0  15  x86_64
      m6g.medium         1     4096  0   2  arm64
      m6g.large          2     8192  0   3  arm64
      m6g.xlarge         4    16384  0   4  arm64
      m6g.2xlarge        8    32768  0   4  arm64
      m6g.4xlarge       16    65536  0   8  arm64
      m6g.8xlarge       32   131072  0   8  arm64
      m6g.12xlarge      48   196608  0   8  arm64
      m6g.16xlarge      64   262144  0  15  arm64
      m6g.metal         64   262144  0  15  arm64
      m7i.large          2     8192  0   3  x86_64
      m7i.xlarge         4    16384  0   4  x86_64
      m7i.2xlarge        8    32768  0   4  x86_64
      m7i.4xlarge       16    65536  0   8  x86_64
      m7i.8xlarge       32   131072  0   8  x86_64
      m7i.12xlarge      48   196608  0   8  x86_64
      m7i.16xlarge      64   262144  0  15  x86_64
      m7i.24xlarge      96   393216  0  15  x86_64
      m7i.48xlarge     192   786432  0  15  x86_64
      m7i.metal-24xl    96   393216  0  15  x86_64
      m7i.metal-48xl   192   786432  0  15  x86_64
      m7i-flex.large     2     8192  0   3  x86_64
      m7i-flex.xlarge    4    16384  0   4  x86_64
      m7i-flex.2xlarge   8    32768  0   4  x86_64
      m7i-flex.4xlarge  16    65536  0   8  x86_64
      m7i-flex.8xlarge  32   131072  0   8  x86_64
      m7a.medium         1     4096  0   2  x86_64
      m7a.large          2     8192  0   3  x86_64
      m7a.xlarge         4    16384  0   4  x86_64
      m7a.2xlarge        8    32768  0   4  x86_64
      m7a.4xlarge       16    65536  0   8  x86_64
      m7a.8xlarge       32   131072  0   8  x86_64
      m7a.12xlarge      48   196608  0   8  x86_64
      m7a.16xlarge      64   262144  0  15  x86_64
      m7a.24xlarge      96   393216  0  15  x86_64
      m7a.32xlarge     128   524288  0  15  x86_64
      m7a.48xlarge     192   786432  0  15  x86_64
      m7a.metal-48xl   192   786432  0  15  x86_64
      m7g.medium         1     4096  0   2  arm64
      m7g.large          2     8192  0   3  arm64
      m7g.xlarge         4    16384  0   4  arm64
      m7g.2xlarge        8    32768  0   4  arm64
      m7g.4xlarge       16    65536  0   8  arm64
      m7g.8xlarge       32   131072  0   8  arm64
      m7g.12xlarge      48   196608  0   8  arm64
      m7g.16xlarge      64   262144  0  15  arm64
      m7g.metal         64   262144  0  15  arm64
      # Compute optimized (https://docs.aws.amazon.com/ec2/latest/instancetypes/co.html); 2 GiB per vCPU
      c5.large           2     4096  0   3  x86_64
      c5.xlarge          4     8192  0   4  x86_64
      c5.2xlarge         8    16384  0   4  x86_64
      c5.4xlarge        16    32768  0   8  x86_64
      c5.9xlarge        36    73728  0   8  x86_64
      c5.12xlarge       48    98304  0   8  x86_64
      c5.18xlarge       72   147456  0  15  x86_64
      c5.24xlarge       96   196608  0  15  x86_64
      c5.metal          96   196608  0  15  x86_64
      c5a.large          2     4096  0   3  x86_64
      c5a.xlarge         4     8192  0   4  x86_64
      c5a.2xlarge        8    16384  0   4  x86_64
      c5a.4xlarge       16    32768  0   8  x86_64
      c5a.8xlarge       32    65536  0   8  x86_64
      c5a.12xlarge      48    98304  0   8  x86_64
      c5a.16xlarge      64   131072  0  15  x86_64
      c5a.24xlarge      96   196608  0  15  x86_64
      c5d.large          2     4096  0   3  x86_64
      c5d.xlarge         4     8192  0   4  x86_64
      c5d.2xlarge        8    16384  0   4  x86_64
      c5d.4xlarge       16    32768  0   8  x86_64
      c5d.9xlarge       36    73728  0   8  x86_64
      c5d.12xlarge      48    98304  0   8  x86_64
      c5d.18xlarge      72   147456  0  15  x86_64
      c5d.24xlarge      96   196608  0  15  x86_64
      c5d.metal         96   196608  0  15  x86_64
      c6i.large          2     4096  0   3  x86_64
      c6i.xlarge         4     8192  0   4  x86_64
      c6i.2xlarge        8    16384  0   4  x86_64
      c6i.4xlarge       16    32768  0   8  x86_64
      c6i.8xlarge       32    65536  0   8  x86_64
      c6i.12xlarge      48    98304  0   8  x86_64
      c6i.16xlarge      64   131072  0  15  x86_64
      c6i.24xlarge      96   196608  0  15  x86_64
      c6i.32xlarge     128   262144  0  15  x86_64
      c6i.metal        128   262144  0  15  x86_64
      c6a.large          2     4096  0   3  x86_64
      c6a.xlarge         4     8192  0   4  x86_64
      c6a.2xlarge        8    16384  0   4  x86_64
      c6a.4xlarge       16    32768  0   8  x86_64
      c6a.8xlarge       32    65536  0   8  x86_64
      c6a.12xlarge      48    98304  0   8  x86_64
      c6a.16xlarge      64   131072  0  15  x86_64
      c6a.24xlarge      96   196608  0  15  x86_64
      c6a.32xlarge     128   262144  0  15  x86_64
      c6a.48xlarge     192   393216  0  15  x86_64
      c6a.metal        192   393216  0  15  x86_64
      c6g.medium         1     2048  0   2  arm64
      c6g.large          2     4096  0   3  arm64
      c6g.xlarge         4     8192  0   4  arm64
      c6g.2xlarge        8    16384  0   4  arm64
      c6g.4xlarge       16    32768  0   8  arm64
      c6g.8xlarge       32    65536  0   8  arm64
      c6g.12xlarge      48    98304  0   8  arm64
      c6g.16xlarge      64   131072  0  15  arm64
      c6g.metal         64   131072  0  15  arm64
      c6gn.medium        1     2048  0   2  arm64
      c6gn.large         2     4096  0   3  arm64
      c6gn.xlarge        4     8192  0   4  arm64
      c6gn.2xlarge       8    16384  0   4  arm64
      c6gn.4xlarge      16    32768  0   8  arm64
      c6gn.8xlarge      32    65536  0   8  arm64
      c6gn.12xlarge     48    98304  0   8  arm64
      c6gn.16xlarge     64   131072  0  15  arm64
      c7i.large          2     4096  0   3  x86_64
      c7i.xlarge         4     8192  0   4  x86_64
      c7i.2xlarge        8    16384  0   4  x86_64
      c7i.4xlarge       16    32768  0   8  x86_64
      c7i.8xlarge       32    65536  0   8  x86_64
      c7i.12xlarge      48    98304  0   8  x86_64
      c7i.16xlarge      64   131072  0  15  x86_64
      c7i.24xlarge      96   196608  0  15  x86_64
      c7i.48xlarge     192   393216  0  15  x86_64
      c7i.metal-24xl    96   196608  0  15  x86_64
      c7i.metal-48xl   192   393216  0  15  x86_64
      c7a.medium         1     2048  0   2  x86_64
      c7a.large          2     4096  0   3  x86_64
      c7a.xlarge         4     8192  0   4  x86_64
      c7a.2xlarge        8    16384  0   4  x86_64
      c7a.4xlarge       16    32768  0   8  x86_64
      c7a.8xlarge       32    65536  0   8  x86_64
      c7a.12xlarge      48    98304  0   8  x86_64
      c7a.16xlarge      64   131072  0  15  x86_64
      c7a.24xlarge      96   196608  0  15  x86_64
      c7a.32xlarge     128   262144  0  15  x86_64
      c7a.48xlarge     192   393216  0  15  x86_64
      c7a.metal-48xl   192   393216  0  15  x86_64
      c7g.medium         1     2048  0   2  arm64
      c7g.large          2     4096  0   3  arm64
      c7g.xlarge         4     8192  0   4  arm64
      c7g.2xlarge        8    16384  0   4  arm64
      c7g.4xlarge       16    32768  0   8  arm64
      c7g.8xlarge       32    65536  0   8  arm64
      c7g.12xlarge      48    98304  0   8  arm64
      c7g.16xlarge      64   131072  0  15  arm64
      c7g.metal         64   131072  0  15  arm64
      # Memory optimized (https://docs.aws.amazon.com/ec2/latest/instancetypes/mo.html); 8 GiB per vCPU, x2gd 16
      r5.large           2    16384  0   3  x86_64
      r5.xlarge          4    32768  0   4  x86_64
      r5.2xlarge         8    65536  0   4  x86_64
      r5.4xlarge        16   131072  0   8  x86_64
      r5.8xlarge        32   262144  0   8  x86_64
      r5.12xlarge       48   393216  0   8  x86_64
      r5.16xlarge       64   524288  0  15  x86_64
      r5.24xlarge       96   786432  0  15  x86_64
      r5.metal          96   786432  0  15  x86_64
      r5a.large          2    16384  0   3  x86_64
      r5a.xlarge         4    32768  0   4  x86_64
      r5a.2xlarge        8    65536  0   4  x86_64
      r5a.4xlarge       16   131072  0   8  x86_64
      r5a.8xlarge       32   262144  0   8  x86_64
      r5a.12xlarge      48   393216  0   8  x86_64
      r5a.16xlarge      64   524288  0  15  x86_64
      r5a.24xlarge      96   786432  0  15  x86_64
      r5d.large          2    16384  0   3  x86_64
      r5d.xlarge         4    32768  0   4  x86_64
      r5d.2xlarge        8    65536  0   4  x86_64
      r5d.4xlarge       16   131072  0   8  x86_64
      r5d.8xlarge       32   262144  0   8  x86_64
      r5d.12xlarge      48   393216  0   8  x86_64
      r5d.16xlarge      64   524288  0  15  x86_64
      r5d.24xlarge      96   786432  0  15  x86_64
      r5d.metal         96   786432  0  15  x86_64
      r6i.large          2    16384  0   3  x86_64
      r6i.xlarge         4    32768  0   4  x86_64
      r6i.2xlarge        8    65536  0   4  x86_64
      r6i.4xlarge       16   131072  0   8  x86_64
      r6i.8xlarge       32   262144  0   8  x86_64
      r6i.12xlarge      48   393216  0   8  x86_64
      r6i.16xlarge      64   524288  0  15  x86_64
      r6i.24xlarge      96   786432  0  15  x86_64
      r6i.32xlarge     128  1048576  0  15  x86_64
      r6i.metal        128  1048576  0  15  x86_64
      r6a.large          2    16384  0   3  x86_64
      r6a.xlarge         4    32768  0   4  x86_64
      r6a.2xlarge        8    65536  0   4  x86_64
      r6a.4xlarge       16   131072  0   8  x86_64
      r6a.8xlarge       32   262144  0   8  x86_64
      r6a.12xlarge      48   393216  0   8  x86_64
      r6a.16xlarge      64   524288  0  15  x86_64
      r6a.24xlarge      96   786432  0  15  x86_64
      r6a.32xlarge     128  1048576  0  15  x86_64
      r6a.48xlarge     192  1572864  0  15  x86_64
      r6a.metal        192  1572864  0  15  x86_64
      r6g.medium         1     8192  0   2  arm64
      r6g.large          2    16384  0   3  arm64
      r6g.xlarge         4    32768  0   4  arm64
      r6g.2xlarge        8    65536  0   4  arm64
      r6g.4xlarge       16   131072  0   8  arm64
      r6g.8xlarge       32   262144  0   8  arm64
      r6g.12xlarge      48   393216  0   8  arm64
      r6g.16xlarge      64   524288  0  15  arm64
      r6g.metal         64   524288  0  15  arm64
      r7i.large          2    16384  0   3  x86_64
      r7i.xlarge         4    32768  0   4  x86_64
      r7i.2xlarge        8    65536  0   4  x86_64
      r7i.4xlarge       16   131072  0   8  x86_64
      r7i.8xlarge       32   262144  0   8  x86_64
      r7i.12xlarge      48   393216  0   8  x86_64
      r7i.16xlarge      64   524288  0  15  x86_64
      r7i.24xlarge      96   786432  0  15  x86_64
      r7i.48xlarge     192  1572864  0  15  x86_64
      r7i.metal-24xl    96   786432  0  15  x86_64
      r7i.metal-48xl   192  1572864  0  15  x86_64
      r7a.medium         1     8192  0   2  x86_64
      r7a.large          2    16384  0   3  x86_64
      r7a.xlarge         4    32768  0   4  x86_64
      r7a.2xlarge        8    65536  0   4  x86_64
      r7a.4xlarge       16   131072  0   8  x86_64
      r7a.8xlarge       32   262144  0   8  x86_64
      r7a.12xlarge      48   393216  0   8  x86_64
      r7a.16xlarge      64   524288  0  15  x86_64
      r7a.24xlarge      96   786432  0  15  x86_64
      r7a.32xlarge     128  1048576  0  15  x86_64
      r7a.48xlarge     192  1572864  0  15  x86_64
      r7a.metal-48xl   192  1572864  0  15  x86_64
      r7g.medium         1     8192  0   2  arm64
      r7g.large          2    16384  0   3  arm64
      r7g.xlarge         4    32768  0   4  arm64
      r7g.2xlarge        8    65536  0   4  arm64
      r7g.4xlarge       16   131072  0   8  arm64
      r7g.8xlarge       32   262144  0   8  arm64
      r7g.12xlarge      48   393216  0   8  arm64
      r7g.16xlarge      64   524288  0  15  arm64
      r7g.metal         64   524288  0  15  arm64
      x2gd.medium        1    16384  0   2  arm64
      x2gd.large         2    32768  0   3  arm64
      x2gd.xlarge        4    65536  0   4  arm64
      x2gd.2xlarge       8   131072  0   4  arm64
      x2gd.4xlarge      16   262144  0   8  arm64
      x2gd.8xlarge      32   524288  0   8  arm64
      x2gd.12xlarge     48   786432  0   8  arm64
      x2gd.16xlarge     64  1048576  0  15  arm64
      x2gd.metal        64  1048576  0  15  arm64
      # Accelerated computing, NVIDIA GPUs (https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html)
      g4dn.xlarge        4    16384  1   3  x86_64
      g4dn.2xlarge       8    32768  1   3  x86_64
      g4dn.4xlarge      16    65536  1   3  x86_64
      g4dn.8xlarge      32   131072  1   4  x86_64
      g4dn.12xlarge     48   196608  4   8  x86_64
      g4dn.16xlarge     64   262144  1   4  x86_64
      g4dn.metal        96   393216  8  15  x86_64
      g5.xlarge          4    16384  1   4  x86_64
      g5.2xlarge         8    32768  1   4  x86_64
      g5.4xlarge        16    65536  1   8  x86_64
      g5.8xlarge        32   131072  1   8  x86_64
      g5.12xlarge       48   196608  4  15  x86_64
      g5.16xlarge       64   262144  1   8  x86_64
      g5.24xlarge       96   393216  4  15  x86_64
      g5.48xlarge      192   786432  8   7  x86_64
      g6.xlarge          4    16384  1   4  x86_64
      g6.2xlarge         8    32768  1   4  x86_64
      g6.4xlarge        16    65536  1   8  x86_64
      g6.8xlarge        32   131072  1   8  x86_64
      g6.12xlarge       48   196608  4   8  x86_64
      g6.16xlarge       64   262144  1  15  x86_64
      g6.24xlarge       96   393216  4  15  x86_64
      g6.48xlarge      192   786432  8  15  x86_64
      p3.2xlarge         8    62464  1   4  x86_64
      p3.8xlarge        32   249856  4   8  x86_64
      p3.16xlarge       64   499712  8   8  x86_64
      """;

  private static final Map<String, InstanceTypeFacts> BY_NAME = parse(TABLE);

  private InstanceTypes() {}

  /** The facts of {@code instanceType}, or empty when the table has no such row. */
  public static Optional<InstanceTypeFacts> of(String instanceType) {
    return Optional.ofNullable(BY_NAME.get(instanceType));
  }

  /**
   * The facts of {@code instanceType}.
   *
   * @throws UnknownInstanceTypeException when the table has no such row; the message names the type, the sizes
   *     known for its family (or the families known) and where to add a row
   */
  public static InstanceTypeFacts require(String instanceType) {
    InstanceTypeFacts facts = BY_NAME.get(instanceType);
    if (facts != null) {
      return facts;
    }
    int dot = instanceType.indexOf('.');
    String family = dot < 0 ? instanceType : instanceType.substring(0, dot);
    List<String> sizes = BY_NAME.values().stream().filter(f -> f.family().equals(family))
        .map(f -> f.name().substring(family.length() + 1)).toList();
    String known = sizes.isEmpty()
        ? "its family is not in the table; known families: " + String.join(", ", families())
        : "known " + family + " sizes: " + String.join(", ", sizes);
    throw new UnknownInstanceTypeException(instanceType, "instance type '" + instanceType + "' is not in this"
        + " tool's instance type table (vCPUs, memory, GPUs, network interfaces), so placement cannot be checked; "
        + known + ". Use a listed type, or add its row to dev.deepdive.ecs.placement.InstanceTypes");
  }

  /** Every known type, in table order. */
  public static List<InstanceTypeFacts> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** The families in table order: {@code t2, t3, ...}. */
  public static List<String> families() {
    return BY_NAME.values().stream().map(InstanceTypeFacts::family).distinct().collect(Collectors.toList());
  }

  private static Map<String, InstanceTypeFacts> parse(String table) {
    Map<String, InstanceTypeFacts> byName = new LinkedHashMap<>();
    List<String> rows = table.lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    for (String line : rows) {
      String[] cells = line.split("\\s+");
      if (cells.length != 6) {
        throw new IllegalStateException("InstanceTypes: expected 6 columns, got " + cells.length + ": " + line);
      }
      Architecture architecture = Architecture.parse(cells[5])
          .orElseThrow(() -> new IllegalStateException("InstanceTypes: unknown architecture in " + line));
      InstanceTypeFacts facts = new InstanceTypeFacts(cells[0], Integer.parseInt(cells[1]),
          Integer.parseInt(cells[2]), Integer.parseInt(cells[3]), Integer.parseInt(cells[4]), architecture);
      if (byName.put(facts.name(), facts) != null) {
        throw new IllegalStateException("InstanceTypes: " + facts.name() + " is listed twice");
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
