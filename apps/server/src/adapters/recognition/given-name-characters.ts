/**
 * Characters common in Chinese given names (written from the usual naming-character frequency lists, not from any
 * corpus): a character of a legal representative's given name that is none of these (许琳器, 何图) is read as the
 * recogniser's likeliest alternative there that is one. A rarer character read surely has no such alternative
 * worth the name and stays.
 */
export const GIVEN_NAME_CHARACTERS = new Set(
  [
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欢阳建国峰",
    "亮成飞鑫波宏志新海东文晨晓婷雪慧颖琳佳丹莉倩璐洁琴云莹梅凤晶蕾薇雯怡欣悦思雨梦瑶婧琪嘉瑞博睿子轩涵泽昊然",
    "铭一诺梓天佑皓逸辰豪宸源航家乐安泓烨锦程熙奕煜峻锐哲坤秋冬春夏菊荣淑珍贞琼翠巧美月金银宝贵福禄寿喜顺利富",
    "财德仁义礼智信忠孝良善和康泰永长久立振兴旺发达昌盛光耀珠瑛琦璇瑜珊莎娅婕姗妍媛嫣娇婉娴妮姣妹蓉芸萱茜菲蓓",
    "蕊芝芙苗莺萌茹荷菁蔚苹岚霖露霜雁鸿鹤鸣翔腾跃征远江河湖山川岩石森松柏杨柳桐楠枫竹曦晖昕晔晟昱星宙乾勤俭敬",
    "恒毅威武猛雄卓越群凡非常诚实真正直方圆满全庆祥吉运彦函淼焱垚犇品众琛瑾璟瑄玮珂玥琰瑗璞雅笑颜容冰清纯素朴",
    "淳厚馨香蕙芷若依伊亦艺忆翼益宜仪颐元朝日风雷电彩虹保力世广生胜学才有坚彪先震壮会心邦承绍功民友裕政谦亨奇",
    "之翰朗伯言朋梁栋维启克伦士以致树炎行时钧冠策榕弘惠爱环莲娣叶璧黛青婵纨丹眉君韵融园咏卿聪澜毓昭爽琬茗羽希",
    "飘育滢馥筠柔霭凝霄寒亚可舒影丽贝初罡桦骅剑纪灵媚晴烁唯韦苇紫贤蝶菡儿小红军卫兵忠宗晋鲁豫湘川渝宾彤婷静",
  ].join(""),
);
