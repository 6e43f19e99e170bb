package bourse.platform.demo;

/**
 * An asset as the engine's AddAsset command takes it, and how much of it each demo account is funded
 * with (in the asset's minor units).
 */
record AssetSpec(int assetId, String code, int scale, long fundingPerAccount)
{
}
