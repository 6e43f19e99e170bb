package bourse.engine;

/**
 * The raw values of the schema's enums, as the engine keeps them. The engine reads raw values from
 * commands so that an out-of-range value becomes a reject, never an exception.
 */
final class Codes
{
    static final byte BUY = 0;
    static final byte SELL = 1;

    static final byte LIMIT = 0;
    static final byte MARKET = 1;
    static final byte STOP = 2;
    static final byte STOP_LIMIT = 3;

    static final byte GTC = 0;
    static final byte IOC = 1;
    static final byte FOK = 2;

    static final byte STP_ACCOUNT_DEFAULT = 0;
    static final byte STP_CANCEL_NEWEST = 1;
    static final byte STP_CANCEL_OLDEST = 2;
    static final byte STP_CANCEL_BOTH = 3;

    static final short FALSE = 0;
    static final short TRUE = 1;

    private Codes()
    {
    }
}
