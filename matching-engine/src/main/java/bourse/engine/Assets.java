package bourse.engine;

/** The assets the venue knows: code and scale per id. */
final class Assets
{
    static final int MAX_ASSETS = 256;
    static final int CODE_LENGTH = 8;

    private final boolean[] known = new boolean[MAX_ASSETS];
    private final int[] scale = new int[MAX_ASSETS];
    private final byte[][] code = new byte[MAX_ASSETS][];

    boolean exists(final int assetId)
    {
        return assetId > 0 && assetId < MAX_ASSETS && known[assetId];
    }

    void add(final int assetId, final byte[] assetCode, final int assetScale)
    {
        known[assetId] = true;
        scale[assetId] = assetScale;
        code[assetId] = assetCode.clone();
    }

    int scale(final int assetId)
    {
        return scale[assetId];
    }

    byte[] code(final int assetId)
    {
        return code[assetId];
    }
}
