import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

// Times travel as UTC; people in Liaoning read them in Beijing time whatever their computer's zone.
const ZONE = "Asia/Shanghai";

export const formatDate = (at: string | number) => dayjs(at).tz(ZONE).format("YYYY-MM-DD");
export const formatDateTime = (at: string | number) => dayjs(at).tz(ZONE).format("YYYY-MM-DD HH:mm:ss");
export const formatClock = (at: string | number) => dayjs(at).tz(ZONE).format("HH:mm:ss");
